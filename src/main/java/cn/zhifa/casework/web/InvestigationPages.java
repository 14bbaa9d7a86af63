package cn.zhifa.casework.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.InvestigationRecords;
import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.OnsiteRecord;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.PreservedEvidence;
import cn.zhifa.casework.ProposedCase;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone pages of the structured case records (询问通知书, 询问笔录, 勘验笔录, 先行登记保存, 调查报告, 听证笔录, 送达回执)
 * and of the 当场处罚 (简易程序), each with signature pads. A refused form is shown again with what was entered.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class InvestigationPages {

    private static final Set<String> OFFICER_AREAS = Set.of("officer1", "officer2", "recorder");

    private final InvestigationRecords records;
    private final CaseManagement cases;
    private final DocumentManagement documents;

    InvestigationPages(InvestigationRecords records, CaseManagement cases, DocumentManagement documents) {
        this.records = records;
        this.cases = cases;
        this.documents = documents;
    }

    @GetMapping("/cases/{id}/records/{kind}")
    String form(@PathVariable long id, @PathVariable String kind, Model model) {
        OnsiteKind k = OnsiteKind.bySlug(kind);
        if (k == OnsiteKind.ON_THE_SPOT) return "redirect:/cases/on-the-spot";
        Map<String, String> form = new LinkedHashMap<>();
        if (k != OnsiteKind.HEARING) form.put("officer1Id", String.valueOf(Actors.require().userId()));
        return show(id, k, form, List.of(), List.of(), model);
    }

    @PostMapping("/cases/{id}/records/{kind}")
    @Allowed(Action.HANDLE_CASE)
    @AuditAction("案件记录")
    String record(@PathVariable long id, @PathVariable String kind, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        OnsiteKind k = OnsiteKind.bySlug(kind);
        Audit.target("案件", id);
        Audit.action("案件记录：" + k.label());
        RecordInput in = input(request);
        try {
            long recordId = switch (k) {
                case INQUIRY_NOTICE -> records.scheduleInquiry(id, in);
                case INQUIRY -> records.recordInquiry(id, in);
                case SURVEY -> records.recordSurvey(id, in);
                case PRESERVATION -> records.preserveEvidence(id, in);
                case REPORT -> records.reportInvestigation(id, in);
                case HEARING -> records.recordHearing(id, in);
                case SERVICE -> records.serve(id, in);
                case ON_THE_SPOT -> throw new RuleViolation("当场处罚请从“当场处罚”页面办理。");
            };
            Audit.detail(k.label() + "记录#" + recordId);
            redirect.addFlashAttribute("message", "已记录" + k.label() + "并签发《" + titleOf(k) + "》。");
            return "redirect:/cases/" + id + "#case-records";
        } catch (RuleViolation refused) {
            Audit.detail("被拒绝：" + refused.getMessage());
            model.addAttribute("refusal", refused.getMessage());
            return show(id, k, params(request), in.answers(), in.items(), model);
        }
    }

    /** 提请负责人批准先行登记保存 (行政处罚法第五十六条): the same form as the emergency one, without signatures. */
    @PostMapping("/cases/{id}/records/preservation-request")
    @Allowed(Action.HANDLE_CASE)
    @AuditAction("提请批准先行登记保存")
    String requestPreservation(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Audit.target("案件", id);
        RecordInput in = input(request);
        try {
            long recordId = records.requestPreservation(id, in);
            Audit.detail("先行登记保存记录#" + recordId + "：提请负责人批准");
            redirect.addFlashAttribute("message", "已提请负责人批准先行登记保存；批准后请在本页“笔录与现场文书”中签发通知书。");
            return "redirect:/cases/" + id + "#case-records";
        } catch (RuleViolation refused) {
            Audit.detail("被拒绝：" + refused.getMessage());
            model.addAttribute("refusal", refused.getMessage());
            return show(id, OnsiteKind.PRESERVATION, params(request), in.answers(), in.items(), model);
        }
    }

    /** 负责人批准先行登记保存: before it, or afterwards within the configured hours after an emergency. */
    @PostMapping("/cases/{id}/records/{recordId}/preservation-approval")
    @Allowed(Action.APPROVE_PRESERVATION)
    @AuditAction("批准先行登记保存")
    String approvePreservation(@PathVariable long id, @PathVariable long recordId,
                               @ModelAttribute InvestigationRecords.ApprovePreservation command, RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            records.approvePreservation(id, recordId, command);
            Audit.detail("先行登记保存记录#" + recordId + "：批准");
            redirect.addFlashAttribute("message", "已批准先行登记保存。");
        } catch (RuleViolation refused) {
            Audit.detail("被拒绝：" + refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/cases/" + id + "#case-records";
    }

    /** The 先行登记保存证据通知书 of an approved preservation: its items, the party's and the officers' signatures. */
    @GetMapping("/cases/{id}/records/{recordId}/preservation-issue")
    String issuePreservationForm(@PathVariable long id, @PathVariable long recordId, Model model) {
        return showIssue(id, recordId, new LinkedHashMap<>(), model);
    }

    @PostMapping("/cases/{id}/records/{recordId}/preservation-issue")
    @Allowed(Action.HANDLE_CASE)
    @AuditAction("案件记录：先行登记保存证据")
    String issuePreservation(@PathVariable long id, @PathVariable long recordId, HttpServletRequest request, Model model,
                             RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            records.issuePreservation(id, recordId, input(request));
            Audit.detail("先行登记保存记录#" + recordId + "：签发通知书");
            redirect.addFlashAttribute("message", "已签发《" + titleOf(OnsiteKind.PRESERVATION) + "》。");
            return "redirect:/cases/" + id + "#case-records";
        } catch (RuleViolation refused) {
            Audit.detail("被拒绝：" + refused.getMessage());
            model.addAttribute("refusal", refused.getMessage());
            return showIssue(id, recordId, params(request), model);
        }
    }

    /** 作出先行登记保存处理决定 from the records panel of the case page. */
    @PostMapping("/cases/{id}/records/{recordId}/preservation-decision")
    @Allowed(Action.HANDLE_CASE)
    @AuditAction("先行登记保存处理决定")
    String decidePreservation(@PathVariable long id, @PathVariable long recordId,
                              @ModelAttribute InvestigationRecords.DecidePreservation command, RedirectAttributes redirect) {
        Audit.target("案件", id);
        try {
            PreservedEvidence p = records.decidePreservation(id, recordId, command);
            Audit.detail("先行登记保存记录#" + recordId + "：" + p.decision().label() + (p.late() ? "（逾期）" : ""));
            redirect.addFlashAttribute("message", "已作出先行登记保存处理决定：" + p.decision().label()
                    + (p.late() ? "（逾期作出，应于" + p.due() + "前作出）" : "") + "。");
        } catch (RuleViolation refused) {
            Audit.detail("被拒绝：" + refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/cases/" + id + "#case-records";
    }

    @GetMapping("/cases/on-the-spot")
    @Allowed(Action.REGISTER_CASE)
    String onTheSpotForm(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("officer1Id", String.valueOf(Actors.require().userId()));
        form.put("partyKind", PartyKind.UNIT.name());
        return showOnTheSpot(form, model);
    }

    @PostMapping("/cases/on-the-spot")
    @Allowed(Action.REGISTER_CASE)
    @AuditAction("当场处罚")
    String onTheSpot(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        RecordInput in = input(request);
        try {
            PartyKind kind = in.field("partyKind") == null ? PartyKind.UNIT : PartyKind.valueOf(in.field("partyKind"));
            BigDecimal fine;
            try {
                fine = in.field("fineYuan") == null ? null : new BigDecimal(in.field("fineYuan"));
            } catch (NumberFormatException e) {
                throw new RuleViolation("罚款金额应为数字（元），警告填 0。");
            }
            ProposedCase proposal = new ProposedCase(CaseSource.INSPECTION, in.field("sourceReference"), CaseKind.ENFORCEMENT,
                    Actors.require().organizationId(), null,
                    new PartySnapshot(kind, in.field("partyName"), in.field("partyCode"), in.field("legalRepresentative"), in.field("address")),
                    in.field("title") == null ? "当场处罚：" + in.field("partyName") : in.field("title"), in.field("facts"), null, null,
                    in.field("violationCode"), null, null);
            long caseId = records.decideOnTheSpot(proposal, fine, in);
            Audit.target("案件", caseId);
            redirect.addFlashAttribute("message", "已作出当场处罚决定并签发《行政（当场）处罚决定书》，决定书当场交付当事人。");
            return "redirect:/cases/" + caseId + "#case-records";
        } catch (RuleViolation refused) {
            Audit.detail("被拒绝：" + refused.getMessage());
            model.addAttribute("refusal", refused.getMessage());
            return showOnTheSpot(params(request), model);
        }
    }

    // ---- views

    private String show(long id, OnsiteKind k, Map<String, String> form, List<RecordInput.QuestionAnswer> answers,
                        List<RecordInput.Item> items, Model model) {
        PenaltyCase c = cases.get(id);
        form.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("c", c);
        model.addAttribute("kind", k);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers.isEmpty() ? defaultAnswers(k) : answers);
        model.addAttribute("items", items.isEmpty() ? List.of(new RecordInput.Item("", "", "", "")) : items);
        model.addAttribute("officers", records.certifiedOfficers(c.getOrganizationId()));
        model.addAttribute("areas", areas(k));
        model.addAttribute("today", records.today());
        switch (k) {
            case PRESERVATION -> {
                model.addAttribute("decisionDue", records.decisionDue(records.today()));
                model.addAttribute("preservationPeriod", records.preservationPeriod());
                model.addAttribute("emergencyRule", records.emergencyRule());
            }
            case REPORT -> model.addAttribute("draft", records.reportDraft(id));
            case SERVICE -> model.addAttribute("servable", records.servable(id));
            default -> { }
        }
        return "casework/" + k.slug();
    }

    private String showIssue(long id, long recordId, Map<String, String> form, Model model) {
        PenaltyCase c = cases.get(id);
        OnsiteRecord r = records.records(id).stream().filter(x -> x.id() == recordId && x.kind() == OnsiteKind.PRESERVATION)
                .findFirst().orElseThrow(() -> RuleViolation.notFound("本案没有该先行登记保存记录。"));
        form.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        form.putIfAbsent("partyPerson", r.personName() != null ? r.personName() : c.getParty().legalRepresentative());
        model.addAttribute("c", c);
        model.addAttribute("r", r);
        model.addAttribute("offered", records.offered(id, r));
        model.addAttribute("form", form);
        model.addAttribute("areas", areas(OnsiteKind.PRESERVATION));
        model.addAttribute("decisionDue", records.decisionDue(records.today()));
        model.addAttribute("preservationPeriod", records.preservationPeriod());
        return "casework/preservation-issue";
    }

    private String showOnTheSpot(Map<String, String> form, Model model) {
        form.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("kind", OnsiteKind.ON_THE_SPOT);
        model.addAttribute("form", form);
        model.addAttribute("officers", records.certifiedOfficers(Actors.require().organizationId()));
        model.addAttribute("areas", areas(OnsiteKind.ON_THE_SPOT));
        model.addAttribute("partyKinds", PartyKind.values());
        model.addAttribute("violations", cases.library().all());
        model.addAttribute("limits", cases.periods().procedure());
        return "casework/on-the-spot";
    }

    /** Signature area → label and whether a refusal may be recorded (not for officers). */
    private List<Area> areas(OnsiteKind k) {
        List<Area> out = new ArrayList<>();
        documents.templates().signatureAreaLabels(k.documentKind())
                .forEach((area, label) -> out.add(new Area(area, label, !OFFICER_AREAS.contains(area))));
        return out;
    }

    record Area(String area, String label, boolean refusable) {
    }

    private String titleOf(OnsiteKind k) {
        return documents.templates().find(k.documentKind()).map(t -> t.title()).orElse(k.label());
    }

    private static List<RecordInput.QuestionAnswer> defaultAnswers(OnsiteKind k) {
        if (k != OnsiteKind.INQUIRY) return List.of();
        return List.of(new RecordInput.QuestionAnswer("你的基本情况？你在单位担任什么职务？", ""),
                new RecordInput.QuestionAnswer("", ""));
    }

    // ---- request → input

    /** The form's values; multi-valued fields (ticked boxes, chosen documents) joined with line breaks. */
    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.equals("_csrf") || name.equals("question") || name.equals("answer") || name.startsWith("item")) return;
            out.put(name, String.join("\n", values));
        });
        return out;
    }

    static RecordInput input(HttpServletRequest request) {
        Map<String, String> fields = params(request);
        List<RecordInput.QuestionAnswer> answers = new ArrayList<>();
        String[] questions = request.getParameterValues("question");
        String[] replies = request.getParameterValues("answer");
        if (questions != null) {
            for (int i = 0; i < questions.length; i++) {
                answers.add(new RecordInput.QuestionAnswer(questions[i], replies != null && i < replies.length ? replies[i] : ""));
            }
        }
        List<RecordInput.Item> items = new ArrayList<>();
        String[] names = request.getParameterValues("itemName");
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                items.add(new RecordInput.Item(names[i], at(request, "itemSpec", i), at(request, "itemQuantity", i),
                        at(request, "itemLocation", i)));
            }
        }
        Map<String, String> signatures = new LinkedHashMap<>();
        Map<String, RecordInput.Refusal> refusals = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("sig_") && !value.isBlank()) signatures.put(name.substring(4), value);
            if (name.startsWith("refused_") && "true".equals(value)) {
                String area = name.substring(8);
                refusals.put(area, new RecordInput.Refusal(fields.get("refusalReason_" + area), fields.get("witness_" + area)));
            }
        });
        return new RecordInput(fields, answers, items, signatures, refusals, fields.get("idempotencyKey"));
    }

    private static String at(HttpServletRequest request, String name, int i) {
        String[] values = request.getParameterValues(name);
        return values != null && i < values.length ? values[i] : null;
    }

    /** The 当场处罚 entry in the case menu (officers on site). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuContribution onTheSpotMenu() {
            return () -> List.of(new MenuItem("案件", "当场处罚", "/cases/on-the-spot", Set.of(Role.OFFICER), 305));
        }
    }
}
