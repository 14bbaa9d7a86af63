package cn.zhifa.planning.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.RandomDraw;
import cn.zhifa.planning.DrawManagement;
import cn.zhifa.planning.DrawMode;
import cn.zhifa.planning.DrawRequest;
import cn.zhifa.planning.Grade;
import cn.zhifa.planning.PlanningRules;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
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
import java.time.YearMonth;

/** The 双随机 draw wizard (freeze → draw), results, voiding with a reason, 抽查事项 and recusals. */
@Controller
@Allowed(Action.READ_DRAWS)
class DrawPages {

    private final DrawManagement draws;
    private final OrganizationManagement organizations;
    private final PlanningRules rules;
    private final Clock clock;

    DrawPages(DrawManagement draws, OrganizationManagement organizations, PlanningRules rules, Clock clock) {
        this.draws = draws;
        this.organizations = organizations;
        this.rules = rules;
        this.clock = clock;
    }

    @ModelAttribute("modes")
    DrawMode[] modes() {
        return DrawMode.values();
    }

    @ModelAttribute("grades")
    Grade[] grades() {
        return Grade.values();
    }

    @GetMapping("/planning/draws")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DrawRequest.empty(Actors.require().organizationId(),
                    YearMonth.now(clock).plusMonths(1).toString(), rules.minimumTeamSize()));
        }
        return wizard(model);
    }

    private String wizard(Model model) {
        long own = Actors.require().organizationId();
        model.addAttribute("draws", draws.visibleDraws());
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("towns", organizations.visibleTree().stream().filter(o -> o.kind() == OrganizationKind.TOWNSHIP).toList());
        model.addAttribute("items", draws.checkItems(own));
        model.addAttribute("agencies", agencies(own));
        model.addAttribute("rules", rules);
        return "planning/draws";
    }

    /** Enforcement agencies (支队/大队) of the whole deployment, for 交叉执法. */
    private java.util.List<OrganizationView> agencies(long own) {
        long root = own;
        for (Long parent = organizations.find(own).map(OrganizationView::parentId).orElse(null); parent != null;
             parent = organizations.find(parent).map(OrganizationView::parentId).orElse(null)) {
            root = parent;
        }
        return organizations.subtreeIds(root).stream().map(organizations::find).flatMap(java.util.Optional::stream)
                .filter(o -> o.kind() == OrganizationKind.DETACHMENT && o.id() != own)
                .sorted(java.util.Comparator.comparing(OrganizationView::name)).toList();
    }

    @PostMapping("/planning/draws")
    @Allowed(Action.RUN_DRAWS)
    @AuditAction("冻结双随机候选名单")
    String prepare(@Valid @ModelAttribute("form") DrawRequest form, BindingResult errors, Model model,
                   RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return wizard(model);
        }
        try {
            RandomDraw draw = draws.prepare(form);
            redirect.addFlashAttribute("message", "候选名单已冻结并公布哈希与承诺值，请核对后执行抽取。");
            return "redirect:/planning/draws/" + draw.getId();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return wizard(model);
        }
    }

    @GetMapping("/planning/draws/{id}")
    String detail(@PathVariable long id, Model model) {
        RandomDraw draw = draws.get(id);
        model.addAttribute("draw", draw);
        model.addAttribute("orgName", organizations.find(draw.getOrganizationId()).map(OrganizationView::name).orElse(""));
        model.addAttribute("officerOrgName", organizations.find(draw.getOfficerOrgId()).map(OrganizationView::name).orElse(""));
        return "planning/draw";
    }

    @PostMapping("/planning/draws/{id}/execute")
    @Allowed(Action.RUN_DRAWS)
    @AuditAction("执行双随机抽取")
    String execute(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            RandomDraw draw = draws.execute(id);
            redirect.addFlashAttribute("message", "抽取完成：" + draw.getTasks().size() + " 家企业已生成检查任务，结果已公示。");
            return "redirect:/planning/draws/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return detail(id, model);
        }
    }

    @PostMapping("/planning/draws/{id}/void")
    @Allowed(Action.RUN_DRAWS)
    @AuditAction("作废双随机抽取")
    String voidDraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect) {
        try {
            draws.voidDraw(id, reason);
            redirect.addFlashAttribute("message", "已作废本次抽取，作废理由将随记录公开；可重新抽取。");
            return "redirect:/planning/draws/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return detail(id, model);
        }
    }

    @GetMapping("/planning/recusals")
    String recusals(Model model) {
        model.addAttribute("recusals", draws.recusals(Actors.require().organizationId()));
        return "planning/recusals";
    }

    @PostMapping("/planning/recusals")
    @Allowed(Action.RUN_DRAWS)
    @AuditAction("登记执法人员回避")
    String declare(@RequestParam(required = false) Long officerUserId, @RequestParam(required = false) Long enterpriseId,
                   @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            if (officerUserId == null || enterpriseId == null) {
                throw new RuleViolation("请填写执法人员和企业编号。");
            }
            draws.declareRecusal(officerUserId, enterpriseId, reason);
            redirect.addFlashAttribute("message", "已登记回避。");
            return "redirect:/planning/recusals";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return recusals(model);
        }
    }
}
