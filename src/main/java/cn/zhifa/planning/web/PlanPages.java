package cn.zhifa.planning.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.CampaignKind;
import cn.zhifa.planning.InspectionPlan;
import cn.zhifa.planning.PlanManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The annual plan: list and generation, the editor while drafting, the approval flow, amendments and completion. */
@Controller
class PlanPages {

    private final PlanManagement plans;
    private final OrganizationManagement organizations;
    private final Clock clock;

    PlanPages(PlanManagement plans, OrganizationManagement organizations, Clock clock) {
        this.plans = plans;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping("/planning/plans")
    String list(Model model) {
        model.addAttribute("plans", plans.visiblePlans());
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("year", LocalDate.now(clock).getYear());
        model.addAttribute("orgNames", orgNames());
        model.addAttribute("isLeader", Actors.require().has(cn.zhifa.shared.security.Role.LEADER));
        return "planning/plans";
    }

    private Map<Long, String> orgNames() {
        Map<Long, String> names = new HashMap<>();
        organizations.visibleTree().forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    @PostMapping("/planning/plans")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("生成年度检查计划")
    String generate(@RequestParam long org, @RequestParam int year, Model model, RedirectAttributes redirect) {
        try {
            InspectionPlan plan = plans.generate(org, year);
            redirect.addFlashAttribute("message", "已按分类分级结果生成计划草案：重点检查企业 " + plan.keyFirms().size()
                    + " 家，双随机抽查 " + plan.getRandomCount() + " 家。");
            return "redirect:/planning/plans/" + plan.getId();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return list(model);
        }
    }

    @GetMapping("/planning/plans/{id}")
    String detail(@PathVariable long id, Model model) {
        InspectionPlan plan = plans.get(id);
        model.addAttribute("plan", plan);
        model.addAttribute("orgName", organizations.find(plan.getOrganizationId()).map(OrganizationView::name).orElse(""));
        model.addAttribute("departments", organizations.visibleTree());
        model.addAttribute("departmentNames", orgNames());
        model.addAttribute("campaignKinds", CampaignKind.values());
        model.addAttribute("completion", plans.completion(id));
        model.addAttribute("workload", plans.workload(id, false));
        model.addAttribute("officerWorkload", plans.workload(id, true));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("isLeader", Actors.require().has(cn.zhifa.shared.security.Role.LEADER));
        return "planning/plan";
    }

    private String act(long id, Model model, RedirectAttributes redirect, String done, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("message", done);
            return "redirect:/planning/plans/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return detail(id, model);
        }
    }

    @PostMapping("/planning/plans/{id}/quota")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("设置双随机抽查比例")
    String quota(@PathVariable long id, @RequestParam(required = false) BigDecimal ratio, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已设置双随机抽查比例。", () -> plans.setRandomRatio(id, ratio));
    }

    @PostMapping("/planning/plans/{id}/campaigns")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("增加专项执法")
    String campaign(@PathVariable long id, @RequestParam(required = false) CampaignKind kind,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String basis,
                    @RequestParam(required = false) String riskFeature,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                    Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已增加专项。",
                () -> plans.addCampaign(id, kind, name, basis, riskFeature, startsOn, endsOn));
    }

    @PostMapping("/planning/plans/{id}/claims")
    @Allowed(Action.CLAIM_PLAN_FIRMS)
    @AuditAction("认领重点企业")
    String claim(@PathVariable long id, @RequestParam long enterpriseId, @RequestParam(required = false) Long departmentId,
                 @RequestParam(required = false) Long officerUserId, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已登记认领。", () -> plans.claim(id, enterpriseId, departmentId, officerUserId));
    }

    @PostMapping("/planning/plans/{id}/deliberate")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("计划集体审议")
    String deliberate(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate meetingDate,
                      @RequestParam(required = false) String meetingRecord, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已记录集体审议。", () -> plans.deliberate(id, meetingDate, meetingRecord));
    }

    @PostMapping("/planning/plans/{id}/approve")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("批准年度检查计划")
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "计划已批准。", () -> plans.approve(id));
    }

    @PostMapping("/planning/plans/{id}/file")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("计划报上级备案")
    String file(@PathVariable long id, @RequestParam(required = false) String filedWith, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已登记报上级备案。", () -> plans.file(id, filedWith));
    }

    @PostMapping("/planning/plans/{id}/publish")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("公开年度检查计划")
    String publish(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "计划已公开，此后只能通过编号变更调整。", () -> plans.publish(id));
    }

    @PostMapping("/planning/plans/{id}/amendments")
    @Allowed(Action.MANAGE_PLANS)
    @AuditAction("变更已公开的检查计划")
    String amend(@PathVariable long id, @RequestParam long enterpriseId, @RequestParam(required = false) Integer visits,
                 @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean add,
                 Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已登记计划变更。", () -> {
            if (visits == null) {
                throw new RuleViolation("请填写计划检查次数。");
            }
            return add ? plans.amendAdd(id, enterpriseId, visits, reason) : plans.amendVisits(id, enterpriseId, visits, null, reason);
        });
    }
}
