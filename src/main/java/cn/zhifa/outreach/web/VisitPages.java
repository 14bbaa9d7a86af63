package cn.zhifa.outreach.web;

import cn.zhifa.shared.web.Spreadsheets;
import cn.zhifa.audit.Audit;
import cn.zhifa.outreach.internal.Experts;
import cn.zhifa.outreach.internal.Experts.VisitView;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 帮扶走访 (list by year or firm, Excel, the record form with a firm picker) and the 专家名录 (list, register). */
@Controller
@Allowed(Action.READ_BUSINESS)
class VisitPages {

    private final Experts experts;

    VisitPages(Experts experts) {
        this.experts = experts;
    }

    @GetMapping("/outreach/visits")
    String visits(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long enterpriseId,
                  @RequestParam(required = false) Integer page, Model model) {
        Experts.VisitFilter filter = new Experts.VisitFilter(year, enterpriseId);
        model.addAttribute("visits", experts.visits(filter, Page.number(page), 20));
        model.addAttribute("filter", filter);
        model.addAttribute("firm", enterpriseId == null ? null : experts.firm(enterpriseId));
        model.addAttribute("years", Workbook.years(experts.today().getYear()));
        return "outreach/visits";
    }

    @GetMapping("/outreach/visits.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long enterpriseId) {
        List<VisitView> rows = experts.allVisits(new Experts.VisitFilter(year, enterpriseId));
        return Spreadsheets.download("帮扶走访", "帮扶走访.xlsx",
                List.of("走访日期", "企业", "参与专家", "执法人员", "发现的问题", "帮扶建议", "登记单位"),
                rows.stream().map(v -> List.<Object>of(v.visitedOn().toString(), v.enterpriseName(),
                        String.join("、", v.experts()), String.join("、", v.officers()), v.problems(), v.advice(),
                        v.unitName())).toList());
    }

    @GetMapping("/outreach/visits/new")
    @Allowed(Action.RECORD_OUTREACH)
    String form(@RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) String q, Model model) {
        EnterpriseSummary firm = null;
        if (enterpriseId != null) {
            try {
                firm = experts.firm(enterpriseId);
            } catch (RuleViolation missing) {
                model.addAttribute("formError", missing.getMessage());
            }
        }
        model.addAttribute("firm", firm);
        model.addAttribute("q", q);
        model.addAttribute("firms", firm == null ? experts.firmsMatching(q) : List.of());
        model.addAttribute("experts", experts.allExperts());
        model.addAttribute("officers", experts.officersByUnit());
        model.addAttribute("today", experts.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Experts.RecordVisit(enterpriseId, null, List.of(), List.of(), null, null));
        }
        return "outreach/visit-form";
    }

    @PostMapping("/outreach/visits")
    @Allowed(Action.RECORD_OUTREACH)
    String record(@ModelAttribute("form") Experts.RecordVisit form, BindingResult binding,
                  @RequestParam(name = "enterpriseId", required = false) String firmParam, Model model,
                  RedirectAttributes redirect) {
        try {
            if (binding.hasErrors() || form == null) {
                throw new RuleViolation("请检查走访日期的填写格式。");
            }
            experts.recordVisit(form);
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            model.addAttribute("formError", refused.getMessage());
            Long firmId = form != null ? form.enterpriseId() : Workbook.id(firmParam);
            if (form == null) {
                model.addAttribute("form", new Experts.RecordVisit(firmId, null, List.of(), List.of(), null, null));
            }
            return form(firmId, null, model);
        }
        redirect.addFlashAttribute("message", "已登记帮扶走访。");
        return "redirect:/outreach/visits?enterpriseId=" + form.enterpriseId();
    }

    @GetMapping("/outreach/experts")
    String experts(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("experts", experts.experts(Workbook.blankToNull(q), Page.number(page), 20));
        model.addAttribute("q", q);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Experts.RegisterExpert(null, null, null, null));
        }
        return "outreach/experts";
    }

    @PostMapping("/outreach/experts")
    @Allowed(Action.RECORD_OUTREACH)
    String register(@ModelAttribute("form") Experts.RegisterExpert form, Model model, RedirectAttributes redirect) {
        try {
            experts.register(form);
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            model.addAttribute("formError", refused.getMessage());
            return experts(null, null, model);
        }
        redirect.addFlashAttribute("message", "已登记专家。");
        return "redirect:/outreach/experts";
    }
}
