package cn.zhifa.inspection.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.Upload;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.ItemOutcome;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.planning.CapException;
import cn.zhifa.inspection.RecordSubmission;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.inspection.TaskView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's phone pages: today's tasks, the record (items, photos, signatures), submission. */
@Controller
@Allowed(Action.READ_BUSINESS)
class InspectionPages {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Tasks per page of 今日检查: a month's work of one officer fits on the first page. */
    private static final int TODAY_PAGE = 50;

    private final InspectionManagement inspections;
    private final ChecklistManagement checklists;
    private final EvidenceManagement evidence;
    private final UserManagement users;
    private final Clock clock;
    private final cn.zhifa.inspection.InspectionDocuments documents;
    private final cn.zhifa.planning.PlanManagement plans;

    InspectionPages(cn.zhifa.inspection.InspectionDocuments documents, InspectionManagement inspections, ChecklistManagement checklists, EvidenceManagement evidence,
                    UserManagement users, Clock clock, cn.zhifa.planning.PlanManagement plans) {
        this.plans = plans;
        this.documents = documents;
        this.inspections = inspections;
        this.checklists = checklists;
        this.evidence = evidence;
        this.users = users;
        this.clock = clock;
    }

    private org.springframework.beans.factory.ObjectProvider<cn.zhifa.inspection.RecordSupplement> supplements;

    /** Blocks other modules add to the record page (training's 逢查必考), looked up when the page is shown. */
    @org.springframework.beans.factory.annotation.Autowired
    void supplements(org.springframework.beans.factory.ObjectProvider<cn.zhifa.inspection.RecordSupplement> supplements) {
        this.supplements = supplements;
    }

    @GetMapping("/inspection")
    String today(@RequestParam(required = false) Integer page, Model model) {
        // one page of the officer's tasks with their notices read for the page at once (issue 18)
        cn.zhifa.shared.web.Page<TaskView> open = inspections.myOpenTasks(cn.zhifa.shared.web.Page.number(page), TODAY_PAGE);
        model.addAttribute("tasks", open.items());
        model.addAttribute("taskPage", open);
        model.addAttribute("notices", inspections.notices(open.items().stream()
                .filter(t -> t.noticeSentAt() != null).map(TaskView::id).toList()));
        model.addAttribute("today", LocalDate.now(clock.withZone(ZONE)));
        return "inspection/today";
    }

    @GetMapping("/inspection/tasks")
    String tasks(Model model) {
        model.addAttribute("tasks", inspections.recentTasks(200));
        return "inspection/tasks";
    }

    @GetMapping("/inspection/tasks/new")
    @Allowed(Action.CREATE_INSPECTION_TASK)
    String newTask(@RequestParam(required = false) String q, Model model) {
        return taskForm(model, q == null ? Map.of() : Map.of("q", q));
    }

    private String taskForm(Model model, Map<String, String> values) {
        model.addAttribute("enterprises", inspections.searchEnterprises(values.get("q")));
        model.addAttribute("officers", officers());
        model.addAttribute("sources", TaskSource.values());
        model.addAttribute("capExceptions", CapException.values());
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("modes", InspectionMode.values());
        model.addAttribute("templates", checklists.current());
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(ZONE)));
        model.addAttribute("month", month);
        model.addAttribute("campaigns", plans.campaignsRunningIn(chosenMonth(values.get("dueMonth"))));
        model.addAttribute("values", values);
        return "inspection/task-form";
    }

    /** The 专项 picker of the task form again when its month changes (htmx): only the 专项 running in that month. */
    @GetMapping("/inspection/tasks/new/campaigns")
    @Allowed(Action.CREATE_INSPECTION_TASK)
    String campaignPicker(@RequestParam(required = false) String dueMonth, @RequestParam(required = false) String campaignId,
                          Model model) {
        model.addAttribute("campaigns", plans.campaignsRunningIn(chosenMonth(dueMonth)));
        model.addAttribute("values", campaignId == null ? Map.of() : Map.of("campaignId", campaignId));
        return "inspection/task-form :: campaignPicker";
    }

    /** The month typed in the form, or this month while it is empty or not a month (the field keeps what was typed). */
    private YearMonth chosenMonth(String dueMonth) {
        try {
            if (dueMonth != null && !dueMonth.isBlank()) {
                return YearMonth.parse(dueMonth.strip());
            }
        } catch (java.time.format.DateTimeParseException ignored) {
            // fall through to this month
        }
        return YearMonth.from(LocalDate.now(clock.withZone(ZONE)));
    }

    private List<UserView> officers() {
        long org = Actors.require().organizationId();
        return users.search(null, org, 0, 200).items().stream().filter(u -> u.enabled() && u.roles().contains(Role.OFFICER))
                .toList();
    }

    @PostMapping("/inspection/tasks")
    @Allowed(Action.CREATE_INSPECTION_TASK)
    @AuditAction("新建检查任务")
    String createTask(@RequestParam(required = false) TaskSource source, @RequestParam(required = false) String sourceRef,
                      @RequestParam(required = false) Long enterpriseId,
                      @RequestParam(required = false) InspectionKind kind, @RequestParam(required = false) InspectionMode mode,
                      @RequestParam(required = false) List<Long> team, @RequestParam(required = false) YearMonth dueMonth,
                      @RequestParam(required = false) String templateCode,
                      @RequestParam(defaultValue = "false") boolean noticeRequired,
                      @RequestParam(required = false) CapException capException,
                      @RequestParam(required = false) String capExceptionNote,
                      @RequestParam(required = false) Long campaignId,
                      @RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
        try {
            if (source == null || kind == null || mode == null || enterpriseId == null || dueMonth == null) {
                throw new RuleViolation("请填写任务来源、被检查企业、检查类别、检查方式和计划月份。");
            }
            TaskView task = inspections.createTask(new NewTask(source, sourceRef, enterpriseId, kind, mode,
                    team == null ? List.of() : team, dueMonth, templateCode, noticeRequired, capException, capExceptionNote,
                    campaignId));
            redirect.addFlashAttribute("message", "已新建检查任务：" + task.enterpriseName()
                    + (task.capException() == null ? "" : "（超出年度检查频次，例外情形：" + task.capException().label() + "）") + "。");
            return "redirect:/inspection/tasks";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("capReached", capException != null || enterpriseId != null && dueMonth != null
                    && inspections.atFrequencyCap(enterpriseId, dueMonth.getYear()));
            return taskForm(model, values);
        }
    }

    @PostMapping("/inspection/tasks/{id}/notice")
    @Allowed(Action.INSPECT)
    @AuditAction("登记执法检查告知书送达")
    String notice(@PathVariable long id, @RequestParam String method, @RequestParam(required = false) LocalDateTime sentAt,
                  @RequestParam(required = false) LocalDateTime inspectionAt,
                  @RequestParam(required = false) String content, RedirectAttributes redirect) {
        try {
            inspections.recordNoticeSent(id, method, sentAt == null ? null : sentAt.atZone(ZONE).toInstant(), inspectionAt,
                    content);
            redirect.addFlashAttribute("message", "已登记执法检查告知书的送达，并出具执法检查告知书。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/inspection";
    }

    @PostMapping("/inspection/tasks/{id}/start")
    @Allowed(Action.INSPECT)
    @AuditAction("开始现场检查")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/inspection/records/" + inspections.startRecord(id);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/inspection";
        }
    }

    @GetMapping("/inspection/records")
    String records(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        boolean filtered = unit != null && year != null;
        model.addAttribute("records", filtered ? inspections.submittedRecords(unit, year, 1000) : inspections.recentRecords(200));
        model.addAttribute("filteredYear", filtered ? year : null);
        return "inspection/records";
    }

    @GetMapping("/inspection/records/{id}")
    String record(@PathVariable long id, Model model) {
        InspectionRecord record = inspections.record(id);
        Audit.target("现场检查记录", id);
        model.addAttribute("record", record);
        model.addAttribute("template", checklists.get(record.getTemplateId()));
        model.addAttribute("photos", evidence.find(record.evidenceIds()));
        model.addAttribute("recorders", evidence.recordersInUse(Actors.require().organizationId()));
        model.addAttribute("outcomes", ItemOutcome.values());
        model.addAttribute("today", LocalDate.now(clock.withZone(ZONE)));
        model.addAttribute("me", Actors.require().userId());
        model.addAttribute("docs", documents.state(record));
        model.addAttribute("supplements", supplements.orderedStream().flatMap(s -> s.blockFor(record).stream()).toList());
        return "inspection/record";
    }

    /** The record's documents card, polled by the page while they are issued after the submission. */
    @GetMapping("/inspection/records/{id}/documents")
    String recordDocuments(@PathVariable long id, Model model) {
        InspectionRecord record = inspections.record(id);
        model.addAttribute("record", record);
        model.addAttribute("docs", documents.state(record));
        return "inspection/record-parts :: documents";
    }

    @PostMapping("/inspection/records/{id}/basics")
    @Allowed(Action.INSPECT)
    @AuditAction("填写现场检查记录")
    String basics(@PathVariable long id, @RequestParam(required = false) String place,
                  @RequestParam(required = false) BigDecimal latitude, @RequestParam(required = false) BigDecimal longitude,
                  @RequestParam(required = false) String representativeName,
                  @RequestParam(required = false) String representativeTitle,
                  @RequestParam(required = false) String representativePhone,
                  @RequestParam(required = false) String findings,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Runnable command = () -> inspections.describe(id, place, latitude, longitude, representativeName,
                representativeTitle, representativePhone, findings);
        if (htmx != null) {
            return saved(model, "基本情况已保存", command);
        }
        return act(id, "#basics", model, redirect, "已保存基本情况。", command);
    }

    /** The whole checklist at once (the page without scripts); with scripts each item saves itself as it changes. */
    @PostMapping("/inspection/records/{id}/items")
    @Allowed(Action.INSPECT)
    @AuditAction("填写检查项结果")
    String items(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return act(id, "#items", model, redirect, "已保存检查结果。", () -> {
            List<RecordSubmission.ItemAnswer> answers = new ArrayList<>();
            for (InspectionRecord.ItemResult item : inspections.record(id).getItems()) {
                answers.add(answerOf(item.code(), form));
            }
            inspections.answerAll(id, answers);
        });
    }

    /** One item, saved as the officer answers it (htmx): the confirmation shows in the item itself. */
    @PostMapping("/inspection/records/{id}/items/{code}")
    @Allowed(Action.INSPECT)
    @AuditAction("填写检查项结果")
    String item(@PathVariable long id, @PathVariable String code, @RequestParam MultiValueMap<String, String> form,
                Model model) {
        return saved(model, "已保存", () -> inspections.saveItem(id, answerOf(code, form)));
    }

    private static RecordSubmission.ItemAnswer answerOf(String code, MultiValueMap<String, String> form) {
        String result = form.getFirst("result_" + code);
        ItemOutcome outcome;
        try {
            outcome = result == null || result.isBlank() ? null : ItemOutcome.valueOf(result);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择检查结果：符合、不符合或不涉及。");
        }
        String deadline = form.getFirst("rectifyBy_" + code);
        LocalDate rectifyBy;
        try {
            rectifyBy = deadline == null || deadline.isBlank() ? null : LocalDate.parse(deadline);
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation("检查项“" + code + "”的整改期限日期格式不正确。");
        }
        return new RecordSubmission.ItemAnswer(code, outcome, form.getFirst("note_" + code),
                form.getFirst("location_" + code), rectifyBy, form.getFirst("measure_" + code));
    }

    @PostMapping("/inspection/records/{id}/photos")
    @Allowed(Action.INSPECT)
    @AuditAction("上传现场照片")
    String photo(@PathVariable long id, @RequestParam(required = false) String itemCode,
                 @RequestParam(required = false) String recorderNumber,
                 @RequestParam(name = "file", required = false) MultipartFile file,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        String item = itemCode == null || itemCode.isBlank() ? null : itemCode;
        Runnable command = () -> {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("请选择要上传的照片。");
            }
            try (InputStream in = file.getInputStream()) {
                inspections.attachPhoto(id, item, Upload.of(in, file.getOriginalFilename(), EvidenceSource.PHONE), recorderNumber);
            } catch (IOException e) {
                throw new RuleViolation("无法读取上传的文件。");
            }
        };
        if (htmx == null) {
            return act(id, item == null ? "#photos" : "#item-" + item, model, redirect, "照片已保存。", command);
        }
        saved(model, "照片已保存", command);
        InspectionRecord record = inspections.record(id);
        model.addAttribute("record", record);
        model.addAttribute("photos", evidence.find(record.evidenceIds()));
        model.addAttribute("itemCode", item);
        model.addAttribute("draft", true);
        return "inspection/record-parts :: photo-saved";
    }

    @PostMapping("/inspection/records/{id}/signatures/officer")
    @Allowed(Action.INSPECT)
    @AuditAction("检查人员签名")
    String signOfficer(@PathVariable long id, @RequestParam(required = false) Long userId,
                       @RequestParam(required = false) String png,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                       RedirectAttributes redirect) {
        Runnable command = () -> {
            if (userId == null) {
                throw new RuleViolation("请指定签名的检查人员。");
            }
            inspections.signAsOfficer(id, userId, png);
        };
        if (htmx != null) {
            model.addAttribute("signedId", "signed-" + userId);
            return signed(model, "已签名", command);
        }
        return act(id, "#signatures", model, redirect, "签名已保存。", command);
    }

    @PostMapping("/inspection/records/{id}/signatures/representative")
    @Allowed(Action.INSPECT)
    @AuditAction("被检查单位负责人签名")
    String signRepresentative(@PathVariable long id, @RequestParam(required = false) String name,
                              @RequestParam(required = false) String png,
                              @RequestParam(defaultValue = "false") boolean refused,
                              @RequestParam(required = false) String witness,
                              @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                              RedirectAttributes redirect) {
        Runnable command = () -> inspections.signAsRepresentative(id, name, png, refused, witness);
        if (htmx != null) {
            model.addAttribute("signedId", "signed-representative");
            return signed(model, refused ? "已登记拒绝签字及见证人" : (name == null || name.isBlank() ? "现场负责人" : name.strip())
                    + " 已签名", command);
        }
        return act(id, "#signatures", model, redirect, refused ? "已登记拒绝签字及见证人。" : "签名已保存。", command);
    }

    /**
     * Submits the record (its documents are issued right after, the page shows them when they are); a record whose
     * documents the authority cannot issue stays a draft and the page says why.
     */
    @PostMapping("/inspection/records/{id}/submit")
    @Allowed(Action.INSPECT)
    @AuditAction("提交现场检查记录")
    String submit(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmNonWorkingDeadline,
                  Model model, RedirectAttributes redirect) {
        return act(id, "", model, redirect, "现场检查记录已提交，发现的隐患已登记到隐患台账；现场检查记录及整改文书正在生成，稍候在本页显示。",
                () -> documents.submit(id, confirmNonWorkingDeadline));
    }

    @PostMapping("/inspection/records/{id}/documents")
    @Allowed(Action.INSPECT)
    @AuditAction("出具检查文书")
    String issueDocuments(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, "#documents", model, redirect, "已出具文书。", () -> documents.issueOnce(id));
    }

    @PostMapping("/inspection/records/{id}/correction")
    @Allowed(Action.INSPECT)
    @AuditAction("更正现场检查记录")
    String correct(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            long correction = inspections.correct(id, reason);
            redirect.addFlashAttribute("message", "已创建更正版本，请核对后重新签名提交。");
            return "redirect:/inspection/records/" + correction;
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/inspection/records/" + id;
        }
    }

    /**
     * Runs a command from a part of the record page (htmx) and answers with its confirmation, or the Chinese reason it
     * was refused (audited as rejected), shown where the officer is working. A concurrent save of the same record by
     * the other officer is retried.
     */
    private String saved(Model model, String message, Runnable command) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    command.run();
                    break;
                } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
                    if (attempt == 3) {
                        throw new RuleViolation("本记录正被同组人员同时修改，未能保存，请再试一次。");
                    }
                }
            }
            model.addAttribute("saved", message + " " + java.time.LocalTime.now(clock.withZone(ZONE))
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
        }
        return "inspection/record-parts :: status";
    }

    private String signed(Model model, String message, Runnable command) {
        saved(model, message, command);
        return "inspection/record-parts :: signed";
    }

    /** Runs a command; a refusal re-renders the record page with the Chinese reason (audited as rejected). */
    private String act(long id, String anchor, Model model, RedirectAttributes redirect, String message, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("message", message);
            return "redirect:/inspection/records/" + id + anchor;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return record(id, model);
        }
    }
}
