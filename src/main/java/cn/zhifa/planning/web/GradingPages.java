package cn.zhifa.planning.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.planning.EnforcementLevel;
import cn.zhifa.planning.Grade;
import cn.zhifa.planning.GradingManagement;
import cn.zhifa.planning.GradingRuleForm;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** 分类分级: the rule table of a year, grading, results with ‘why’, and the conflict report. */
@Controller
@Allowed(Action.READ_GRADING)
class GradingPages {

    private final GradingManagement grading;
    private final OrganizationManagement organizations;
    private final Clock clock;

    GradingPages(GradingManagement grading, OrganizationManagement organizations, Clock clock) {
        this.grading = grading;
        this.organizations = organizations;
        this.clock = clock;
    }

    @ModelAttribute("grades")
    Grade[] grades() {
        return Grade.values();
    }

    @ModelAttribute("levels")
    EnforcementLevel[] levels() {
        return EnforcementLevel.values();
    }

    @GetMapping("/planning/grading")
    String page(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Grade grade, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", GradingRuleForm.empty());
        }
        model.addAttribute("q", q);
        return render(org, year, grade, q, Page.number(page), Page.size(size), model);
    }

    private String render(Long org, Integer year, Grade grade, Model model) {
        return render(org, year, grade, null, 0, Page.size(null), model);
    }

    private String render(Long org, Integer year, Grade grade, String q, int page, int size, Model model) {
        long organizationId = org == null ? Actors.require().organizationId() : org;
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("org", organizationId);
        model.addAttribute("orgName", organizations.find(organizationId).map(o -> o.name()).orElse(""));
        model.addAttribute("year", y);
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("rules", grading.rules(organizationId, y));
        String keyword = q == null ? "" : q.strip();
        var all = grading.results(organizationId, y, null);
        Map<Grade, Long> counts = new EnumMap<>(Grade.class);
        all.forEach(r -> counts.merge(r.grading().grade(), 1L, Long::sum));
        var matching = all.stream().filter(r -> grade == null || r.grading().grade() == grade)
                .filter(r -> keyword.isEmpty() || r.firm().name().contains(keyword)).toList();
        model.addAttribute("counts", counts);
        model.addAttribute("results", Page.of(matching, page, size));
        model.addAttribute("selectedGrade", grade);
        model.addAttribute("mayEdit", Actors.require().has(cn.zhifa.shared.security.Role.LEADER)
                || Actors.require().has(cn.zhifa.shared.security.Role.ADMIN));
        return "planning/grading";
    }

    @PostMapping("/planning/grading/rules")
    @Allowed(Action.EDIT_GRADING_RULES)
    @AuditAction("新增分类分级规则")
    String addRule(@RequestParam long org, @RequestParam int year, @Valid @ModelAttribute("form") GradingRuleForm form,
                   BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return render(org, year, null, model);
        }
        try {
            grading.addRule(org, year, form);
            redirect.addFlashAttribute("message", "已新增规则“" + form.name() + "”。");
            return "redirect:/planning/grading?org=" + org + "&year=" + year;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return render(org, year, null, model);
        }
    }

    @PostMapping("/planning/grading/rules/{id}/delete")
    @Allowed(Action.EDIT_GRADING_RULES)
    @AuditAction("删除分类分级规则")
    String deleteRule(@PathVariable long id, @RequestParam long org, @RequestParam int year, RedirectAttributes redirect) {
        grading.deleteRule(id);
        redirect.addFlashAttribute("message", "已删除规则。");
        return "redirect:/planning/grading?org=" + org + "&year=" + year;
    }

    @PostMapping("/planning/grading/copy")
    @Allowed(Action.EDIT_GRADING_RULES)
    @AuditAction("复制分类分级规则表")
    String copy(@RequestParam long org, @RequestParam int fromYear, @RequestParam int year, Model model,
                RedirectAttributes redirect) {
        try {
            int copied = grading.copyRules(org, fromYear, year);
            redirect.addFlashAttribute("message", "已从 " + fromYear + " 年度复制 " + copied + " 条规则。");
            return "redirect:/planning/grading?org=" + org + "&year=" + year;
        } catch (RuleViolation refused) {
            model.addAttribute("form", GradingRuleForm.empty());
            model.addAttribute("refusal", refused.getMessage());
            return render(org, year, null, model);
        }
    }

    @PostMapping("/planning/grading/run")
    @Allowed(Action.EDIT_GRADING_RULES)
    @AuditAction("执行分类分级")
    String run(@RequestParam long org, @RequestParam int year, Model model, RedirectAttributes redirect) {
        try {
            Map<Grade, Integer> counts = grading.gradeAll(org, year);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            redirect.addFlashAttribute("message", "已完成 " + year + " 年度分类分级，共 " + total + " 家企业：" + describe(counts) + "。");
            return "redirect:/planning/grading?org=" + org + "&year=" + year;
        } catch (RuleViolation refused) {
            model.addAttribute("form", GradingRuleForm.empty());
            model.addAttribute("refusal", refused.getMessage());
            return render(org, year, null, model);
        }
    }

    private static String describe(Map<Grade, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((g, n) -> text.append(text.isEmpty() ? "" : "，").append(g.label()).append(" ").append(n).append(" 家"));
        return text.toString();
    }

    @GetMapping("/planning/grading/firms/{id}")
    String explain(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("explanation", grading.explain(id, y));
        model.addAttribute("year", y);
        return "planning/grading-explain";
    }

    @GetMapping("/planning/grading/conflicts")
    String conflicts(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year, Model model) {
        long organizationId = org == null ? Actors.require().organizationId() : org;
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("org", organizationId);
        model.addAttribute("year", y);
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("conflicts", grading.conflicts(organizationId, y));
        return "planning/conflicts";
    }
}
