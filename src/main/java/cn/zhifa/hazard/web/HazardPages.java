package cn.zhifa.hazard.web;

import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.Upload;
import cn.zhifa.hazard.Hazard;
import cn.zhifa.hazard.HazardDocuments;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardQuery;
import cn.zhifa.hazard.RecheckSignatures;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.RecordSubmission;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hazard register and the loop's steps, phone-first. */
@Controller
@Allowed(Action.READ_BUSINESS)
class HazardPages {

    private final HazardManagement hazards;
    private final EvidenceManagement evidence;
    private final HazardDocuments documents;
    private final UserManagement users;
    private final EnterpriseManagement enterprises;
    private final ChecklistManagement checklists;
    private final DataScope scope;

    HazardPages(HazardManagement hazards, EvidenceManagement evidence, HazardDocuments documents, UserManagement users,
                EnterpriseManagement enterprises, ChecklistManagement checklists, DataScope scope) {
        this.scope = scope;
        this.enterprises = enterprises;
        this.checklists = checklists;
        this.hazards = hazards;
        this.evidence = evidence;
        this.documents = documents;
        this.users = users;
    }

    @GetMapping("/hazards")
    String list(@RequestParam(required = false) String filter, @RequestParam(required = false) Long record,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) String sort,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String year, Model model) {
        Integer foundIn = foundYear(year, model);
        HazardQuery query = new HazardQuery(filter, unit, record, sort, cn.zhifa.shared.web.Page.number(page),
                cn.zhifa.shared.web.Page.size(size), foundIn);
        var units = hazards.units(); // read once: the unit filter's choices and the rows' unit names
        var result = hazards.search(query, units);
        model.addAttribute("page", result);
        model.addAttribute("hazards", result.items());
        model.addAttribute("capped", result.total() > hazards.countCap());
        model.addAttribute("countCap", hazards.countCap());
        model.addAttribute("filter", query.filter());
        model.addAttribute("sort", query.sort());
        model.addAttribute("unit", unit);
        model.addAttribute("units", units);
        model.addAttribute("record", record);
        model.addAttribute("year", foundIn);
        model.addAttribute("today", hazards.today());
        model.addAttribute("dueSoonDays", hazards.dueSoonWorkingDays());
        return "hazard/list";
    }

    /** The 发现年度 filter: blank for every year; anything but a year from 2000 to next year is shown on the form. */
    private Integer foundYear(String year, Model model) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            int chosen = Integer.parseInt(year.strip());
            if (chosen >= 2000 && chosen <= hazards.today().getYear() + 1) {
                return chosen;
            }
        } catch (NumberFormatException e) {
            // shown below
        }
        model.addAttribute("yearError", "发现年度应为 2000 年至" + (hazards.today().getYear() + 1) + " 年之间的四位年份。");
        return null;
    }

    @GetMapping("/hazards/{id}")
    String detail(@PathVariable long id, Model model) {
        Hazard hazard = hazards.get(id);
        model.addAttribute("hazard", hazard);
        model.addAttribute("view", hazards.view(hazard));
        model.addAttribute("found", evidence.find(hazard.evidenceOf(Hazard.Stage.FOUND)));
        model.addAttribute("rectification", evidence.find(hazard.evidenceOf(Hazard.Stage.RECTIFICATION)));
        model.addAttribute("reinspection", evidence.find(hazard.evidenceOf(Hazard.Stage.REINSPECTION)));
        model.addAttribute("today", hazards.today());
        model.addAttribute("leader", Actors.require().has(Role.LEADER));
        model.addAttribute("officer", Actors.require().has(Role.OFFICER));
        model.addAttribute("overdueArticle", hazards.overdueArticle());
        List<IssuedDocument> issued = new ArrayList<>(documents.of(id));
        documents.orderOf(hazard).filter(order -> issued.stream().noneMatch(d -> d.id() == order.id()))
                .ifPresent(issued::add);
        model.addAttribute("documents", issued);
        model.addAttribute("sameOrder", hazards.sharingOrderWith(hazard));
        addColleagues(model);
        return "hazard/detail";
    }

    @PostMapping("/hazards/{id}/rectification")
    @Allowed(Action.HANDLE_HAZARD)
    @AuditAction("报告隐患整改完成")
    String rectification(@PathVariable long id, @RequestParam(required = false) String report,
                         @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                         RedirectAttributes redirect) {
        return act(id, model, redirect, "已登记整改完成情况，等待复查。",
                () -> hazards.reportRectification(id, report, store(files)));
    }

    @PostMapping("/hazards/{id}/reinspection")
    @Allowed(Action.HANDLE_HAZARD)
    @AuditAction("隐患整改复查")
    String reinspection(@PathVariable long id, @RequestParam(defaultValue = "true") boolean passed,
                        @RequestParam(required = false) String opinion, @RequestParam(required = false) LocalDate newDeadline,
                        @RequestParam(defaultValue = "false") boolean confirmNonWorkingDeadline,
                        @RequestParam(required = false) String officerPng, @RequestParam(required = false) Long secondOfficerId,
                        @RequestParam(required = false) String secondOfficerPng,
                        @RequestParam(required = false) String representativeName,
                        @RequestParam(required = false) String representativePng,
                        @RequestParam(defaultValue = "false") boolean refused, @RequestParam(required = false) String witness,
                        @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                        RedirectAttributes redirect) {
        RecheckSignatures signatures = signatures(officerPng, secondOfficerId, secondOfficerPng, representativeName,
                representativePng, refused, witness);
        return act(id, model, redirect, passed ? "复查合格，请另一名执法人员确认销号。" : "复查不合格，已重新责令限期整改。",
                () -> hazards.reinspect(id, passed, opinion, newDeadline, confirmNonWorkingDeadline, store(files), signatures));
    }

    @PostMapping("/hazards/{id}/closure")
    @Allowed(Action.HANDLE_HAZARD)
    @AuditAction("隐患销号")
    String close(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "隐患已销号，形成闭环。", () -> hazards.close(id));
    }

    @PostMapping("/hazards/{id}/supervision")
    @Allowed(Action.DECIDE_HAZARD)
    @AuditAction("重大隐患挂牌督办")
    String supervise(@PathVariable long id, @RequestParam(required = false) String responsiblePerson,
                     @RequestParam(required = false) String measures, @RequestParam(required = false) BigDecimal funds,
                     @RequestParam(required = false) LocalDate timeLimit, @RequestParam(required = false) String contingencyPlan,
                     Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "已挂牌督办。",
                () -> hazards.supervise(id, responsiblePerson, measures, funds, timeLimit, contingencyPlan));
    }

    @PostMapping("/hazards/{id}/exposure")
    @Allowed(Action.DECIDE_HAZARD)
    @AuditAction("隐患曝光")
    String expose(@PathVariable long id, @RequestParam boolean exposed, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, exposed ? "已标记曝光。" : "已取消曝光。", () -> hazards.expose(id, exposed));
    }

    @PostMapping("/hazards/{id}/extension")
    @Allowed(Action.HANDLE_HAZARD)
    @AuditAction("申请整改延期")
    String requestExtension(@PathVariable long id, @RequestParam(required = false) LocalDate requested,
                            @RequestParam(required = false) String reason,
                            @RequestParam(defaultValue = "false") boolean confirmNonWorkingDeadline, Model model,
                            RedirectAttributes redirect) {
        return act(id, model, redirect, "延期申请已提交，等待领导审批。",
                () -> hazards.requestExtension(id, requested, reason, confirmNonWorkingDeadline));
    }

    @PostMapping("/hazards/{id}/extension/decision")
    @Allowed(Action.DECIDE_HAZARD)
    @AuditAction("审批整改延期")
    String decideExtension(@PathVariable long id, @RequestParam boolean approve, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, approve ? "已批准延期。" : "已驳回延期申请。", () -> hazards.decideExtension(id, approve));
    }

    @PostMapping("/hazards/{id}/confirmation")
    @Allowed(Action.HANDLE_HAZARD)
    @AuditAction("核实企业自报隐患并责令整改")
    String confirm(@PathVariable long id, @RequestParam(required = false) LocalDate deadline,
                   @RequestParam(required = false) String immediateMeasure,
                   @RequestParam(defaultValue = "false") boolean confirmNonWorkingDeadline,
                   @RequestParam(required = false) String officerPng, @RequestParam(required = false) Long secondOfficerId,
                   @RequestParam(required = false) String secondOfficerPng,
                   @RequestParam(required = false) String representativeName,
                   @RequestParam(required = false) String representativePng,
                   @RequestParam(defaultValue = "false") boolean refused, @RequestParam(required = false) String witness,
                   Model model, RedirectAttributes redirect) {
        RecheckSignatures signatures = signatures(officerPng, secondOfficerId, secondOfficerPng, representativeName,
                representativePng, refused, witness);
        return act(id, model, redirect, deadline != null ? "已核实并出具责令限期整改指令书。" : "已核实并出具现场处理措施决定书。",
                () -> hazards.confirm(id, deadline, immediateMeasure, confirmNonWorkingDeadline, signatures));
    }

    @GetMapping("/hazards/new")
    @Allowed(Action.REGISTER_HAZARD)
    String registration(@RequestParam(required = false) String q, @RequestParam(required = false) Long enterpriseId,
                        @RequestParam(required = false) Long record, @RequestParam(required = false) String description,
                        @RequestParam(required = false) String legalBasis, Model model) {
        RegistrationForm form = new RegistrationForm();
        form.setEnterpriseId(enterpriseId);
        form.setRecordId(record);
        if (description != null || legalBasis != null) { // a finding of the record handed over (training's 逢查必考)
            RegistrationForm.Row row = new RegistrationForm.Row();
            row.setDescription(description);
            row.setLegalBasis(legalBasis);
            form.setRows(new ArrayList<>(List.of(row)));
        }
        return registrationPage(form, q, model);
    }

    @PostMapping("/hazards/new")
    @Allowed(Action.REGISTER_HAZARD)
    @AuditAction("登记隐患并责令整改")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect) {
        Audit.target("企业", form.getEnterpriseId());
        try {
            List<Hazard> registered = new ArrayList<>();
            hazards.inTransaction(() -> {
                if (form.getEnterpriseId() == null) {
                    throw new RuleViolation("请选择被检查企业。");
                }
                registered.addAll(hazards.register(form.toRegistration(Actors.require().userId(), this::store)));
            });
            long orders = registered.stream().map(Hazard::getOrderDocumentId).distinct().count();
            redirect.addFlashAttribute("message", "已登记 " + registered.size() + " 条隐患，出具整改指令文书 " + orders + " 份。");
            return "redirect:/hazards/" + registered.get(0).getId();
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return registrationPage(form, null, model);
        }
    }

    private String registrationPage(RegistrationForm form, String q, Model model) {
        model.addAttribute("form", form.forPage());
        model.addAttribute("q", q);
        EnterpriseSummary chosen = form.getEnterpriseId() == null ? null
                : enterprises.find(form.getEnterpriseId()).orElse(null);
        if (chosen != null) {
            scope.require(chosen.organizationId());
        }
        model.addAttribute("enterprise", chosen);
        model.addAttribute("enterprises", chosen != null || q == null || q.strip().length() < 2 ? List.of()
                : enterprises.search(new EnterpriseQuery(q.strip(), null, null, null, null, null, null, null, null,
                        EnterpriseQuery.Sort.NAME), 0, 20).items());
        model.addAttribute("today", hazards.today());
        model.addAttribute("checklists", chosen == null ? List.of() : checklists.current());
        addColleagues(model);
        return "hazard/new";
    }

    private void addColleagues(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("me", actor.userId());
        model.addAttribute("colleagues", users.search(null, actor.organizationId(), 0, 200).items().stream()
                .filter(u -> u.id() != actor.userId() && u.enabled() && u.roles().contains(Role.OFFICER)).toList());
    }

    private static RecheckSignatures signatures(String officerPng, Long secondOfficerId, String secondOfficerPng,
                                                String representativeName, String representativePng, boolean refused,
                                                String witness) {
        List<RecordSubmission.OfficerSignature> officers = new ArrayList<>();
        officers.add(new RecordSubmission.OfficerSignature(Actors.require().userId(), officerPng));
        if (secondOfficerId != null) {
            officers.add(new RecordSubmission.OfficerSignature(secondOfficerId, secondOfficerPng));
        }
        return new RecheckSignatures(officers,
                new RecordSubmission.RepresentativeSignature(representativeName, representativePng, refused, witness));
    }

    private List<Long> store(List<MultipartFile> files) {
        List<Long> ids = new ArrayList<>();
        if (files == null) {
            return ids;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty()) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                ids.add(evidence.store(Upload.of(in, file.getOriginalFilename(), EvidenceSource.PHONE)).id());
            } catch (IOException e) {
                throw new RuleViolation("无法读取上传的文件。");
            }
        }
        return ids;
    }

    /** One transaction per step; a refusal re-renders the page with the reason and stores nothing. */
    private String act(long id, Model model, RedirectAttributes redirect, String message, Runnable command) {
        Audit.target("隐患", id);
        try {
            hazards.inTransaction(command);
            redirect.addFlashAttribute("message", message);
            return "redirect:/hazards/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return detail(id, model);
        }
    }
}
