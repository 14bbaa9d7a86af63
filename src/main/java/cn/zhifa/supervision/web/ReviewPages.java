package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.supervision.ReviewView;
import cn.zhifa.supervision.SupervisionManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 复议/诉讼 ledger page: every review and suit of the scope, its outcome, and the year's figures by outcome. */
@Controller
@Allowed(Action.READ_BUSINESS)
class ReviewPages {

    private final SupervisionManagement supervision;

    ReviewPages(SupervisionManagement supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/supervision/reviews")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? supervision.today().getYear() : year;
        model.addAttribute("reviews", supervision.reviews());
        model.addAttribute("outcomes", supervision.reviewOutcomes(y));
        model.addAttribute("kinds", ReviewView.Kind.values());
        model.addAttribute("outcomeValues", ReviewView.Outcome.values());
        model.addAttribute("year", y);
        model.addAttribute("today", supervision.today());
        return "supervision/reviews";
    }

    @PostMapping("/supervision/reviews")
    @Allowed(Action.RECORD_REVIEW_LITIGATION)
    String record(@RequestParam(required = false) Long caseId, @RequestParam(required = false) ReviewView.Kind kind,
                  @RequestParam(required = false) String body,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (caseId == null || kind == null || body == null || body.isBlank() || filedOn == null) {
            redirect.addFlashAttribute("refusal", "请填写案件编号、类别、复议机关或法院和申请（起诉）日期。");
            return "redirect:/supervision/reviews";
        }
        try {
            supervision.recordReview(new SupervisionManagement.RecordReview(caseId, kind, body, filedOn, note));
            redirect.addFlashAttribute("message", "已登记。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/reviews";
    }

    @PostMapping("/supervision/reviews/{id}/decision")
    @Allowed(Action.RECORD_REVIEW_LITIGATION)
    String decide(@PathVariable long id, @RequestParam(required = false) ReviewView.Outcome outcome,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                  @RequestParam(required = false) BigDecimal changedFineYuan, @RequestParam(defaultValue = "0") int version,
                  RedirectAttributes redirect) {
        if (outcome == null || decidedOn == null) {
            redirect.addFlashAttribute("refusal", "请选择结果并填写决定或裁判日期。");
            return "redirect:/supervision/reviews";
        }
        try {
            supervision.decideReview(id, new SupervisionManagement.DecideReview(outcome, decidedOn, changedFineYuan, version));
            redirect.addFlashAttribute("message", "已登记结果。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/reviews";
    }
}
