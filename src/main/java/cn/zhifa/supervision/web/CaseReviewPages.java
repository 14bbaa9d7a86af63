package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.review.CaseReviewViews;
import cn.zhifa.supervision.review.CaseReviews;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 案卷评查 pages: the plans, a plan with its files, pre-checks, scores and problems, the reviewer's form, the unit's replies. */
@Controller
@Allowed(Action.READ_BUSINESS)
class CaseReviewPages {

    private final CaseReviews reviews;

    CaseReviewPages(CaseReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/supervision/case-reviews")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("plans", Page.of(reviews.plans(), page, Integer.valueOf(20)));
        return "supervision/review-plans";
    }

    @GetMapping("/supervision/case-reviews/{id}")
    String plan(@PathVariable long id, Model model) {
        CaseReviewViews.PlanDetail plan = reviews.plan(id);
        model.addAttribute("plan", plan);
        model.addAttribute("standard", reviews.standard(plan.standardId()));
        return "supervision/review-plan";
    }

    @GetMapping("/supervision/case-reviews/{id}/report.docx")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return CaseReviewApi.docx(reviews.plan(id));
    }

    @PostMapping("/supervision/case-reviews/{id}/files/{fileId}/score")
    @Allowed(Action.SCORE_CASE_FILE)
    String score(@PathVariable long id, @PathVariable long fileId, @RequestParam(defaultValue = "0") int version,
                 @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<CaseReviews.MarkInput> marks = new ArrayList<>();
        try {
            for (var e : form.entrySet()) {
                if (!e.getKey().startsWith("deducted_")) {
                    continue;
                }
                long itemId = Long.parseLong(e.getKey().substring("deducted_".length()));
                String value = e.getValue() == null || e.getValue().isBlank() ? "0" : e.getValue().strip();
                boolean veto = form.containsKey("veto_" + itemId);
                BigDecimal deducted = new BigDecimal(value);
                if (deducted.signum() != 0 || veto) {
                    marks.add(new CaseReviews.MarkInput(itemId, deducted, veto, form.get("comment_" + itemId)));
                }
            }
            var result = reviews.score(id, fileId, new CaseReviews.ScoreFile(marks, version));
            redirect.addFlashAttribute("message", "已评分：" + result.score().stripTrailingZeros().toPlainString() + " 分，"
                    + result.grade().label() + "。");
        } catch (NumberFormatException bad) {
            redirect.addFlashAttribute("refusal", "扣分请填写数字。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/case-reviews/" + id;
    }

    @PostMapping("/supervision/case-reviews/{id}/problems/{problemId}/reply")
    @Allowed(Action.REPLY_CASE_REVIEW_PROBLEM)
    String reply(@PathVariable long id, @PathVariable long problemId, @RequestParam(required = false) String reply,
                 RedirectAttributes redirect) {
        if (reply == null || reply.isBlank() || reply.length() > 2000) {
            redirect.addFlashAttribute("refusal", "请填写整改情况（不超过2000字）。");
            return "redirect:/supervision/case-reviews/" + id;
        }
        try {
            reviews.reply(problemId, new CaseReviews.ReplyProblem(reply));
            redirect.addFlashAttribute("message", "已回复整改情况。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/supervision/case-reviews/" + id;
    }
}
