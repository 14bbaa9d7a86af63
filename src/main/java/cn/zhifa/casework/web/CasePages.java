package cn.zhifa.casework.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.casework.Acting;
import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseFilter;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.CaseStage;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.casework.DiscretionAssessment;
import cn.zhifa.casework.InvestigationRecords;
import cn.zhifa.casework.MeetingForm;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.PenaltyProposal;
import cn.zhifa.casework.ReviewOpinion;
import cn.zhifa.casework.StepKind;
import cn.zhifa.casework.Tier;
import cn.zhifa.casework.TimelineEntry;
import cn.zhifa.casework.internal.service.CaseServices;
import cn.zhifa.casework.internal.service.DocumentService;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case handler's, leader's and legal reviewer's pages. */
@Controller
@Allowed(Action.READ_BUSINESS)
class CasePages {

    private final CaseManagement cases;
    private final CaseDeadlines deadlines;
    private final CaseStatistics statistics;
    private final CaseCommands commands;
    private final OrganizationManagement organizations;
    private final cn.zhifa.casework.CaseProcedureDocuments procedureDocuments;
    private final CaseServices services;
    private final InvestigationRecords investigationRecords;

    CasePages(CaseManagement cases, CaseDeadlines deadlines, CaseStatistics statistics, CaseCommands commands,
              OrganizationManagement organizations, cn.zhifa.casework.CaseProcedureDocuments procedureDocuments,
              CaseServices services, InvestigationRecords investigationRecords) {
        this.procedureDocuments = procedureDocuments;
        this.services = services;
        this.investigationRecords = investigationRecords;
        this.cases = cases;
        this.deadlines = deadlines;
        this.statistics = statistics;
        this.commands = commands;
        this.organizations = organizations;
    }

    @ModelAttribute
    void enums(Model model) {
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("sources", CaseSource.values());
        model.addAttribute("partyKinds", PartyKind.values());
        model.addAttribute("tiers", Tier.values());
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CaseStage stage,
                @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) String waiting, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String yearOf, Model model) {
        // waiting=approval: the cases waiting for the leader's approval (the home page's 待审批案件)
        boolean awaitingApproval = "approval".equals(waiting);
        model.addAttribute("cases", cases.search(new CaseFilter(q, stage, kind, year, sort, yearOf), unit,
                awaitingApproval ? CaseStage.awaitingLeader() : java.util.Set.of(), Page.number(page), Page.size(size)));
        model.addAttribute("awaitingApproval", awaitingApproval);
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("unit", unit);
        return "casework/list";
    }

    @GetMapping("/cases/new")
    @Allowed(Action.REGISTER_CASE)
    String newCase(Model model) {
        model.addAttribute("form", NewCaseForm.empty(Actors.require().organizationId()));
        return newForm(model);
    }

    private String newForm(Model model) {
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("violations", cases.library().all());
        return "casework/new";
    }

    @PostMapping("/cases")
    @Allowed(Action.REGISTER_CASE)
    @AuditAction("案件来源登记")
    String create(@Valid @ModelAttribute("form") NewCaseForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return newForm(model);
        }
        try {
            long id = form.dual()
                    ? cases.proposeDual(form.toProposal(), form.person(), form.personViolationCode()).get(0)
                    : cases.propose(form.toProposal());
            Audit.target("案件", id);
            redirect.addFlashAttribute("message", form.dual() ? "已登记一案双罚案件（单位及责任人员）。" : "已登记案件，待立案审批。");
            return "redirect:/cases/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return newForm(model);
        }
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, @RequestParam Map<String, String> params, jakarta.servlet.http.HttpServletRequest request,
                  Model model) {
        PenaltyCase c = cases.get(id);
        LocalDate today = deadlines.today();
        Acting by = Acting.of(Actors.require());
        model.addAttribute("c", c);
        model.addAttribute("today", today);
        // the case's service records, read once: the timeline's periods run from them and the 送达 panel lists them
        List<DocumentService> serviceRecorded = services.recorded(c);
        model.addAttribute("serviceRecorded", serviceRecorded);
        // its investigation records, read once: the timeline's 先行登记保存 periods and the records panel
        InvestigationRecords.OfCase onsite = investigationRecords.ofCase(c);
        model.addAttribute("onsite", onsite);
        List<TimelineEntry> timeline = deadlines.timeline(c, today, CaseServices.servedDays(serviceRecorded), onsite.preservations());
        model.addAttribute("timeline", timeline);
        List<String> actions = commands.available(c, by); // every transition's rule checked once per page
        model.addAttribute("actions", actions);
        model.addAttribute("labels", CaseCommands.ACTIONS);
        java.util.Map<Integer, cn.zhifa.law.Deadline> measureDue = new java.util.HashMap<>();
        timeline.stream().filter(e -> e.code().startsWith("MEASURE_"))
                .forEach(e -> measureDue.put(Integer.valueOf(e.code().substring("MEASURE_".length())), e.deadline()));
        model.addAttribute("measureDue", measureDue);
        model.addAttribute("measureKinds", cn.zhifa.casework.MeasureKind.values());
        // 询问 and 勘验 are recorded as signed 笔录 on the records panel; the free-text action registers other evidence
        model.addAttribute("stepKinds", List.of(StepKind.EVIDENCE));
        model.addAttribute("opinions", ReviewOpinion.values());
        model.addAttribute("violations", cases.library().all().stream().filter(v -> v.partyKind() == c.getParty().kind()).toList());
        model.addAttribute("discretionRules", cases.discretion().rules());
        model.addAttribute("surcharge", c.surchargeOn(today, cases.periods().procedure()));
        model.addAttribute("outstanding", c.outstandingOn(today, cases.periods().procedure()));
        if (c.getLinkedCaseId() != null) {
            model.addAttribute("linked", cases.get(c.getLinkedCaseId()));
        }
        String code = params.getOrDefault("violationCode", c.getViolationCode());
        if (params.containsKey("preview") && code != null && !code.isBlank()) {
            try {
                PenaltyProposal proposal = commands.proposalFromForm(request);
                DiscretionAssessment assessment = cases.assess(c, proposal);
                model.addAttribute("assessment", assessment);
            } catch (RuleViolation refused) {
                model.addAttribute("refusal", refused.getMessage());
            }
        }
        if (c.getTier() != null && c.getFineYuan() != null && c.getViolationCode() != null && !params.containsKey("preview")) {
            // the proposal as submitted (呈批), re-assessed so that the approving leader sees range, tier and suggestion
            try {
                model.addAttribute("proposedAssessment", cases.assess(c, new PenaltyProposal(c.getViolationCode(), c.getTier(),
                        c.getFineYuan(), c.getTierReason(), null, c.getOtherMeasures(), c.isComplex(), null, null, false, null)));
            } catch (RuleViolation | IllegalArgumentException notAssessable) {
                model.addAttribute("proposedAssessment", null);
            }
        }
        if (code != null && !code.isBlank()) {
            model.addAttribute("similar", cases.similarCases(code, c));
            model.addAttribute("selectedViolation", cases.library().find(code).orElse(null));
        }
        model.addAttribute("params", params);
        model.addAttribute("caseDocuments", procedureDocuments.issued(c));
        if (actions.contains("file") || actions.contains("replace-handler")) {
            model.addAttribute("secondHandlers", procedureDocuments.secondHandlerCandidates(c));
        }
        return "casework/detail";
    }

    @PostMapping("/cases/{id}/{action}")
    @Allowed(Action.HANDLE_CASE)
    @AuditAction("案件办理")
    String act(@PathVariable long id, @PathVariable String action, jakarta.servlet.http.HttpServletRequest request,
               RedirectAttributes redirect) {
        Audit.target("案件", id);
        Audit.action("案件办理：" + CaseCommands.ACTIONS.getOrDefault(action, action));
        try {
            redirect.addFlashAttribute("message", commands.run(id, commands.fromForm(action, request)));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            Audit.detail("被拒绝：" + refused.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/reviews")
    String reviews(Model model) {
        model.addAttribute("queue", cases.reviewQueue());
        return "casework/reviews";
    }

    @GetMapping("/cases/meetings")
    String meetings(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("meetings", cases.meetings(year));
        model.addAttribute("waiting", cases.search(new CaseFilter(null, CaseStage.COLLECTIVE_DISCUSSION, null, null, null), 0, 200).items());
        return "casework/meetings";
    }

    @PostMapping("/cases/meetings")
    @Allowed(Action.RECORD_CASE_MEETING)
    @AuditAction("登记案审会")
    String holdMeeting(@RequestParam String topic, @RequestParam String chair, @RequestParam String participants,
                       @RequestParam String opinions, @RequestParam String conclusion,
                       @RequestParam(required = false) List<Long> caseIds, @RequestParam(required = false) String place,
                       @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime startTime,
                       @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime endTime,
                       RedirectAttributes redirect) {
        try {
            long meetingId = cases.holdMeeting(new MeetingForm(topic, chair, participants, opinions, conclusion, caseIds,
                    place, startTime, endTime));
            Audit.target("案审会", meetingId);
            redirect.addFlashAttribute("message", "已登记案审会记录。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/cases/meetings";
    }

    @GetMapping("/cases/deadlines")
    String deadlineList(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer page, Model model) {
        var units = organizations.visibleTree();
        java.util.Set<Long> inUnit = unit == null ? null : java.util.Set.copyOf(organizations.subtreeIds(unit));
        LocalDate today = deadlines.today();
        java.util.Map<Long, String> unitNames = new java.util.HashMap<>(); // one look-up per unit, not per warning
        units.forEach(u -> unitNames.put(u.id(), u.name()));
        // one page, filtered, ordered and paged in SQL (issue 18)
        var warnings = deadlines.watchList(inUnit, cn.zhifa.shared.web.Page.number(page), 50)
                .map(w -> new WarningRow(w, unitNames.computeIfAbsent(w.organizationId(),
                        id -> organizations.find(id).map(o -> o.name()).orElse("")),
                        java.time.temporal.ChronoUnit.DAYS.between(today, w.due())));
        model.addAttribute("warnings", warnings.items());
        model.addAttribute("warningPage", warnings);
        model.addAttribute("recomputing", deadlines.recomputing());
        model.addAttribute("units", units);
        model.addAttribute("unit", unit);
        model.addAttribute("today", today);
        return "casework/deadlines";
    }

    /** A deadline warning with the case's unit and the days left (negative: days overdue). */
    record WarningRow(cn.zhifa.casework.CaseWarning w, String unitName, long daysLeft) {

        /** "逾期 10 天", "今日到期", "临期，还剩 3 天". */
        public String when() {
            if (daysLeft < 0) {
                return "逾期 " + -daysLeft + " 天";
            }
            if (w.level() == cn.zhifa.casework.TimelineEntry.Status.OVERDUE) {
                return "逾期";
            }
            return daysLeft == 0 ? "今日到期" : "临期，还剩 " + daysLeft + " 天";
        }
    }

    @GetMapping("/cases/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? deadlines.today().getYear() : year;
        model.addAttribute("figures", statistics.forYear(y));
        return "casework/statistics";
    }
}
