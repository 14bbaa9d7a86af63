package cn.zhifa.outreach.internal;

import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The rules a record of this module keeps before anything is stored, each refusal in words the officer can act on:
 * required fields, lengths, counts not negative, dates not in the future (a letter's reply day after its issue).
 */
final class OutreachChecks {

    private static final Pattern PHONE = Pattern.compile("[0-9][0-9\\- ]{5,18}[0-9]");

    private OutreachChecks() {
    }

    static void activity(Activities.RecordActivity c, LocalDate today) {
        require(c.kind() != null, "请选择活动类型。");
        text(c.title(), "活动名称", 200);
        require(c.heldOn() != null, "请填写活动日期。");
        require(!c.heldOn().isAfter(today), "活动日期不能晚于今天。");
        text(c.place(), "活动地点", 200);
        text(c.organizer(), "组织单位", 200);
        require(c.peopleReached() != null, "请填写受众人数（读本发放填写发放份数）。");
        require(c.peopleReached() >= 0 && c.peopleReached() <= Activities.MOST_REACHED, "受众人数应在0至10000000之间。");
        require(c.unitsReached() == null || c.unitsReached() >= 0 && c.unitsReached() <= 100_000,
                "覆盖单位数应在0至100000之间。");
        optional(c.note(), "备注", 1000);
    }

    static void expert(Experts.RegisterExpert c) {
        text(c.name(), "专家姓名", 50);
        text(c.field(), "专业领域", 100);
        text(c.workUnit(), "工作单位", 200);
        require(c.phone() == null || c.phone().isBlank() || PHONE.matcher(c.phone().strip()).matches(),
                "联系电话格式不正确（7至20位数字，可含“-”）。");
    }

    static void visit(Experts.RecordVisit c, LocalDate today) {
        require(c.enterpriseId() != null, "请选择帮扶企业。");
        require(c.visitedOn() != null, "请填写走访日期。");
        require(!c.visitedOn().isAfter(today), "走访日期不能晚于今天。");
        text(c.problems(), "发现的问题", 2000);
        text(c.advice(), "帮扶建议", 2000);
    }

    static void letter(Letters.IssueLetter c, LocalDate today) {
        require(c.enterpriseId() != null, "请选择企业。");
        require(c.kind() != null, "请选择函件种类（提示函或警示函）。");
        text(c.subject(), "事由", 200);
        text(c.risks(), "存在的问题", 2000);
        text(c.demands(), "整改或工作要求", 2000);
        require(c.replyBy() != null, "请填写反馈期限。");
        require(c.replyBy().isAfter(today), "反馈期限应晚于今天。");
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void text(String value, String name, int max) {
        require(value != null && !value.isBlank(), "请填写" + name + "。");
        require(value.strip().length() <= max, name + "不超过" + max + "字。");
    }

    private static void optional(String value, String name, int max) {
        require(value == null || value.strip().length() <= max, name + "不超过" + max + "字。");
    }

    private static void require(boolean condition, String refusal) {
        if (!condition) {
            throw new RuleViolation(refusal);
        }
    }
}
