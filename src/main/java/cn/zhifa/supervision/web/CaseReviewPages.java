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
    private final cn.zhifa.organization.OrganizationManagement organizations;
    private final cn.zhifa.organization.UserManagement users;

    CaseReviewPages(CaseReviews reviews, cn.zhifa.organization.OrganizationManagement organizations,
                    cn.zhifa.organization.UserManagement users) {
        this.reviews = reviews;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/supervision/case-reviews")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("plans", Page.of(reviews.plans(), page, Integer.valueOf(20)));
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", new PlanForm(reviews.today().getYear(), "", java.util.List.of(), "random", 10, "",
                    java.util.List.of()));
        }
        model.addAttribute("planUnits", organizations.visibleTree());
        model.addAttribute("reviewerCandidates", users.search(null, null, 0, 500).items().stream()
                .filter(u -> u.enabled() && (u.roles().contains(cn.zhifa.shared.security.Role.LEADER)
                        || u.roles().contains(cn.zhifa.shared.security.Role.LEGAL)
                        || u.roles().contains(cn.zhifa.shared.security.Role.SUPERVISOR)
                        || u.roles().contains(cn.zhifa.shared.security.Role.OFFICER))).toList());
        return "supervision/review-plans";
    }

    /** The plan form as typed, kept when it is refused. {@code sampling} is random or chosen; caseIds as typed. */
    record PlanForm(Integer year, String name, java.util.List<Long> unitIds, String sampling, Integer sampleSize,
                    String caseIds, java.util.List<Long> reviewerIds) {
    }

    /** Creates a review plan from the page form; a refusal is shown on the form with what was typed. */
    @PostMapping("/supervision/case-reviews")
    @Allowed(Action.PLAN_CASE_REVIEW)
    String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String name,
                  @RequestParam(required = false) java.util.List<Long> unitIds, @RequestParam(defaultValue = "random") String sampling,
                  @RequestParam(required = false) Integer sampleSize, @RequestParam(required = false) String caseIds,
                  @RequestParam(required = false) java.util.List<Long> reviewerIds, Model model, RedirectAttributes redirect) {
        PlanForm form = new PlanForm(year, name, unitIds == null ? java.util.List.of() : unitIds, sampling, sampleSize,
                caseIds == null ? "" : caseIds, reviewerIds == null ? java.util.List.of() : reviewerIds);
        try {
            boolean chosen = "chosen".equals(sampling);
            java.util.List<Long> chosenIds = new java.util.ArrayList<>();
            if (chosen) {
                for (String part : form.caseIds().split("[,，\\s]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        chosenIds.add(Long.parseLong(part.strip()));
                    } catch (NumberFormatException e) {
                        throw new RuleViolation("指定案卷请填写案件编号（数字），以逗号分隔。");
                    }
                }
            }
            String missing = year == null || year < 2000 || year > 2100 ? "请填写正确的评查年度。"
                    : name == null || name.isBlank() ? "请填写计划名称。" : name.length() > 200 ? "计划名称不超过200字。"
                    : form.unitIds().isEmpty() ? "请选择被评查单位。"
                    : chosen && chosenIds.isEmpty() ? "请填写指定评查的案件编号。"
                    : !chosen && (sampleSize == null || sampleSize < 1 || sampleSize > 200) ? "随机抽取件数应为1至200。"
                    : form.reviewerIds().isEmpty() ? "请选择评查人员。" : null;
            if (missing != null) {
                throw new RuleViolation(missing);
            }
            long id = reviews.createPlan(new CaseReviews.CreatePlan(year, name, form.unitIds(), chosen ? null : sampleSize,
                    chosen ? chosenIds : java.util.List.of(), form.reviewerIds()));
            redirect.addFlashAttribute("message", "评查计划已制定，案卷已分配评查人员。");
            return "redirect:/supervision/case-reviews/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("planForm", form);
            model.addAttribute("planError", refused.getMessage());
            return list(null, model);
        }
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
