package cn.zhifa.casework.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.casework.internal.measures.MeasureTestings;
import cn.zhifa.casework.internal.measures.TestingKind;
import cn.zhifa.casework.internal.measures.TestingPeriod;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 查封/扣押物品的检测、检验、检疫或者技术鉴定期间 (行政强制法第二十五条第三款): recorded from the case page and the API; the
 * measure's term on the page, the timeline and the deadline sweep leaves them out.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
@Tag(name = "案件办理")
class MeasureTestingWeb {

    private final MeasureTestings testings;

    MeasureTestingWeb(MeasureTestings testings) {
        this.testings = testings;
    }

    @PostMapping("/cases/{id}/measures/{number}/testing")
    @Allowed(Action.RECORD_MEASURE_TESTING)
    @AuditAction("登记查封扣押物品检测期间")
    String record(@PathVariable long id, @PathVariable int number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            TestingPeriod p = testings.record(id, new TestingPeriod(number, kind(form.get("kind")), form.get("subject"),
                    day(form.get("from"), "开始日期"), day(form.get("to"), "结束日期"), form.get("noticeNumber"),
                    optionalDay(form.get("notifiedOn"), "书面告知日期")));
            redirect.addFlashAttribute("message", "已登记" + p.label() + "，该期间不计入查封、扣押期限。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            Audit.detail("被拒绝：" + refused.getMessage());
        }
        return "redirect:/cases/" + id + "#measures";
    }

    @Schema(description = "查封/扣押物品的检测、检验、检疫或者技术鉴定期间（行政强制法第二十五条第三款）")
    record RecordTesting(
            @Schema(description = "种类", allowableValues = {"DETECTION", "INSPECTION", "QUARANTINE", "APPRAISAL"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String kind,
            @Schema(description = "检测的物品和事项", requiredMode = Schema.RequiredMode.REQUIRED) String subject,
            @Schema(description = "开始日期（含）", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate from,
            @Schema(description = "结束日期（含）", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate to,
            @Schema(description = "书面告知文书编号") String noticeNumber,
            @Schema(description = "书面告知当事人的日期", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate notifiedOn) {
    }

    @Schema(description = "已登记的检测期间")
    record TestingView(int measureNumber, String kind, String kindLabel, String subject, LocalDate from, LocalDate to, long days,
                       String noticeNumber, LocalDate notifiedOn) {
        static TestingView of(TestingPeriod p) {
            return new TestingView(p.measureNumber(), p.kind().name(), p.kind().label(), p.subject(), p.from(), p.to(), p.days(),
                    p.noticeNumber(), p.notifiedOn());
        }
    }

    @PostMapping("/api/v1/cases/{id}/measures/{number}/testing")
    @ResponseBody
    @Allowed(Action.RECORD_MEASURE_TESTING)
    @AuditAction("登记查封扣押物品检测期间")
    @Operation(summary = "登记查封/扣押物品的检测、检验、检疫或者技术鉴定期间（不计入查封、扣押期限）")
    TestingView recordApi(@PathVariable long id, @PathVariable int number, @RequestBody RecordTesting body) {
        Audit.target("案件", id);
        if (body.from() == null || body.to() == null) {
            throw new RuleViolation("请填写检测期间的开始日期和结束日期。");
        }
        return TestingView.of(testings.record(id, new TestingPeriod(number, kind(body.kind()), body.subject(), body.from(), body.to(),
                body.noticeNumber(), body.notifiedOn())));
    }

    @GetMapping("/api/v1/cases/{id}/measures/testing")
    @ResponseBody
    @Operation(summary = "本案查封/扣押物品的检测期间")
    Page<TestingView> list(@PathVariable long id, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        return Page.of(testings.of(id).values().stream().flatMap(List::stream).map(TestingView::of).toList(), page, size);
    }

    private static TestingKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请选择检测、检验、检疫或者技术鉴定。");
        }
        for (TestingKind k : TestingKind.values()) {
            if (k.name().equals(value.strip()) || k.label().equals(value.strip())) {
                return k;
            }
        }
        throw new RuleViolation("种类只能是检测、检验、检疫或者技术鉴定。");
    }

    private static LocalDate day(String value, String what) {
        LocalDate d = optionalDay(value, what);
        if (d == null) {
            throw new RuleViolation("请填写" + what + "。");
        }
        return d;
    }

    private static LocalDate optionalDay(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(what + "格式不正确，请按 年-月-日 填写。");
        }
    }
}
