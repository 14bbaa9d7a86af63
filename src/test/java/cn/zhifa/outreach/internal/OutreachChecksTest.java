package cn.zhifa.outreach.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutreachChecksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static Activities.RecordActivity activity(ActivityKind kind, String title, LocalDate on, Integer units, Integer people) {
        return new Activities.RecordActivity(kind, title, on, "区文化中心", "东城区执法大队", units, people, null);
    }

    @Test
    void a_complete_activity_passes_and_each_missing_or_wrong_field_is_named_in_chinese() {
        assertThatCode(() -> OutreachChecks.activity(activity(ActivityKind.QUIZ, "新《安全生产法》知识答题", TODAY, 23, 1843), TODAY))
                .doesNotThrowAnyException();
        refused(() -> OutreachChecks.activity(activity(null, "答题", TODAY, 0, 10), TODAY), "请选择活动类型。");
        refused(() -> OutreachChecks.activity(activity(ActivityKind.LIVE, " ", TODAY, 0, 10), TODAY), "请填写活动名称。");
        refused(() -> OutreachChecks.activity(activity(ActivityKind.LIVE, "直播", TODAY.plusDays(1), 0, 10), TODAY),
                "活动日期不能晚于今天。");
        refused(() -> OutreachChecks.activity(activity(ActivityKind.LIVE, "直播", TODAY, 0, null), TODAY),
                "请填写受众人数（读本发放填写发放份数）。");
        refused(() -> OutreachChecks.activity(activity(ActivityKind.LIVE, "直播", TODAY, 0, -1), TODAY),
                "受众人数应在0至10000000之间。");
        refused(() -> OutreachChecks.activity(activity(ActivityKind.QUIZ, "答题", TODAY, -2, 5), TODAY),
                "覆盖单位数应在0至100000之间。");
        refused(() -> OutreachChecks.activity(activity(ActivityKind.LIVE, "直".repeat(201), TODAY, 0, 5), TODAY),
                "活动名称不超过200字。");
    }

    @Test
    void an_expert_needs_name_field_and_unit_and_a_phone_if_given_must_look_like_one() {
        assertThatCode(() -> OutreachChecks.expert(new Experts.RegisterExpert("陈志远", "危险化学品", "化工设计研究院", "022-2439 1234")))
                .doesNotThrowAnyException();
        assertThatCode(() -> OutreachChecks.expert(new Experts.RegisterExpert("陈志远", "危险化学品", "化工设计研究院", null)))
                .doesNotThrowAnyException();
        refused(() -> OutreachChecks.expert(new Experts.RegisterExpert("陈志远", "", "化工设计研究院", null)), "请填写专业领域。");
        refused(() -> OutreachChecks.expert(new Experts.RegisterExpert("陈志远", "粉尘", "研究所", "电话138")),
                "联系电话格式不正确（7至20位数字，可含“-”）。");
    }

    @Test
    void a_visit_needs_a_firm_a_past_day_the_problems_and_the_advice() {
        refused(() -> OutreachChecks.visit(new Experts.RecordVisit(null, TODAY, List.of(), List.of(), "问题", "建议"), TODAY),
                "请选择帮扶企业。");
        refused(() -> OutreachChecks.visit(new Experts.RecordVisit(1L, TODAY.plusDays(1), List.of(), List.of(), "问题", "建议"), TODAY),
                "走访日期不能晚于今天。");
        refused(() -> OutreachChecks.visit(new Experts.RecordVisit(1L, TODAY, List.of(), List.of(), "问题", null), TODAY),
                "请填写帮扶建议。");
    }

    @Test
    void a_letter_needs_its_kind_and_a_reply_day_after_today() {
        Letters.IssueLetter ok = new Letters.IssueLetter(1L, LetterKind.WARNING, "帮扶走访", "问题", "要求", TODAY.plusDays(10), null);
        assertThatCode(() -> OutreachChecks.letter(ok, TODAY)).doesNotThrowAnyException();
        refused(() -> OutreachChecks.letter(new Letters.IssueLetter(1L, null, "帮扶走访", "问题", "要求", TODAY.plusDays(10), null), TODAY),
                "请选择函件种类（提示函或警示函）。");
        refused(() -> OutreachChecks.letter(new Letters.IssueLetter(1L, LetterKind.TIP, "帮扶走访", "问题", "要求", TODAY, null), TODAY),
                "反馈期限应晚于今天。");
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(RuleViolation.class).hasMessage(message);
    }
}
