package cn.zhifa.casework.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.casework.Acting;
import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseFilter;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseRow;
import cn.zhifa.casework.CaseStage;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.casework.CaseStep;
import cn.zhifa.casework.CaseWarning;
import cn.zhifa.casework.CoerciveMeasure;
import cn.zhifa.casework.MeasureEnding;
import cn.zhifa.casework.MeasureKind;
import cn.zhifa.casework.SeizedObject;
import cn.zhifa.law.Deadline;
import cn.zhifa.casework.DiscretionAssessment;
import cn.zhifa.casework.Instalment;
import cn.zhifa.casework.Meeting;
import cn.zhifa.casework.MeetingForm;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.SimilarCase;
import cn.zhifa.casework.TimelineEntry;
import cn.zhifa.casework.Violation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Penalty cases: reads, case opening, the procedural transitions by name, discretion, deadlines and statistics. */
@RestController
@Tag(name = "案件办理", description = "行政处罚案件：立案、调查、呈批、法制审核、告知、听证、决定、送达、执行、结案")
@Allowed(Action.READ_BUSINESS)
class CaseApi {

    private final CaseManagement cases;
    private final CaseDeadlines deadlines;
    private final CaseStatistics statistics;
    private final CaseCommands commands;

    private final cn.zhifa.evidence.Idempotency idempotency;
    private final tools.jackson.databind.json.JsonMapper json;

    CaseApi(CaseManagement cases, CaseDeadlines deadlines, CaseStatistics statistics, CaseCommands commands,
            cn.zhifa.evidence.Idempotency idempotency, tools.jackson.databind.json.JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
        this.cases = cases;
        this.deadlines = deadlines;
        this.statistics = statistics;
        this.commands = commands;
    }

    /** A case as the API shows it (party code masked). */
    record CaseView(long id, String caseNumber, String title, CaseKind kind, String kindLabel, CaseStage stage, String stageLabel,
                    String procedure, String source, String partyName, String partyKind, String partyCode, Long enterpriseId,
                    String violationCode, BigDecimal fineYuan, BigDecimal legalMinYuan, BigDecimal legalMaxYuan, String tier,
                    String accidentGrade, boolean legalReviewRequired, String legalReviewReasons,
                    boolean collectiveDiscussionRequired, boolean hearingRight, LocalDate filedOn, LocalDate notifiedOn,
                    LocalDate decidedOn, String decisionNumber, LocalDate servedOn, List<Instalment> instalments,
                    BigDecimal paidYuan, BigDecimal surchargeYuan, BigDecimal outstandingYuan, Long linkedCaseId,
                    String handlerName, String coHandlerName, int version, List<String> availableActions, List<CaseStep> steps,
                    List<TimelineEntry> timeline, List<MeasureView> measures) {
    }

    /** A 查封/扣押 with its 清单 and its term (due, provisional) on law's calendar. */
    record MeasureView(int number, MeasureKind kind, String title, String decisionNumber, String reason, String legalBasis,
                       LocalDate appliedOn, String approvedBy, boolean extended, LocalDate extendedOn, String extensionReason,
                       LocalDate dueOn, boolean dueProvisional, String dueBasis, MeasureEnding ending, LocalDate endedOn,
                       String endReason, List<SeizedObject> objects, boolean emergency, boolean pendingApproval) {
    }

    MeasureView measureView(PenaltyCase c, CoerciveMeasure m) {
        Deadline due = deadlines.measures(c, deadlines.today()).get(m.number() - 1).deadline();
        return new MeasureView(m.number(), m.kind(), m.title(), m.decisionNumber(), m.reason(), m.legalBasis(), m.appliedOn(),
                m.approvedBy(), m.extended(), m.extendedOn(), m.extensionReason(), due.due(), due.provisional(), due.basis(),
                m.ending(), m.endedOn(), m.endReason(), c.objectsOf(m.number()), m.emergency(), m.pendingApproval());
    }

    CaseView view(PenaltyCase c) {
        LocalDate today = deadlines.today();
        var rules = cases.periods().procedure();
        return new CaseView(c.getId(), c.getCaseNumber(), c.getTitle(), c.getKind(), c.getKind().label(), c.getStage(),
                c.getStage().label(), c.getProcedureKind().label(), c.getSource().label(), c.getParty().name(),
                c.getParty().kind().label(), c.getParty().maskedCode(), c.getEnterpriseId(), c.getViolationCode(), c.getFineYuan(),
                c.getLegalMinYuan(), c.getLegalMaxYuan(), c.getTier() == null ? null : c.getTier().label(),
                c.getAccidentGrade() == null ? null : c.getAccidentGrade().label(), c.isLegalReviewRequired(),
                c.getLegalReviewReasons(), c.isCollectiveDiscussionRequired(), c.isHearingRight(), c.getFiledOn(),
                c.getNotifiedOn(), c.getDecidedOn(), c.getDecisionNumber(), c.getServedOn(), c.getInstalments(), c.getPaidYuan(),
                c.surchargeOn(today, rules), c.outstandingOn(today, rules), c.getLinkedCaseId(), c.getHandlerName(),
                c.getCoHandlerName(), c.getVersion(), commands.available(c, Acting.of(Actors.require())), c.getSteps(),
                deadlines.timeline(c, today), c.getMeasures().stream().map(m -> measureView(c, m)).toList());
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "案件列表（本单位及下级单位）")
    Page<CaseRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) CaseStage stage,
                       @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size) {
        return cases.search(new CaseFilter(q, stage, kind, year, sort), Page.number(page), Page.size(size));
    }

    @PostMapping("/api/v1/cases")
    @Allowed(Action.REGISTER_CASE)
    @Operation(summary = "案件来源登记（填写责任人员时同时登记一案双罚；带 Idempotency-Key 时重试不会重复）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "已登记",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseView.class)))
    ResponseEntity<String> propose(@org.springframework.web.bind.annotation.RequestHeader(
                                           name = cn.zhifa.evidence.Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody NewCaseForm form) {
        return idempotency.onceIfKeyed(key, "case.propose", json.writeValueAsString(form),
                org.springframework.http.HttpStatus.CREATED, () -> {
                    long id = form.dual() ? cases.proposeDual(form.toProposal(), form.person(), form.personViolationCode()).get(0)
                            : cases.propose(form.toProposal());
                    Audit.target("案件", id);
                    return view(cases.get(id));
                });
    }

    /** 简易程序: the case, the fine (within 行政处罚法第五十一条), the violation and the 当场处罚决定书 number. */
    record OnTheSpotForm(@Valid NewCaseForm party, BigDecimal fineYuan, String violationCode, String decisionNumber) {
    }

    @PostMapping("/api/v1/cases/on-the-spot")
    @Allowed(Action.REGISTER_CASE)
    @Operation(summary = "简易程序：当场处罚（警告或小额罚款，决定当场交付；带 Idempotency-Key 时重试不会重复）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "已决定",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseView.class)))
    ResponseEntity<String> onTheSpot(@org.springframework.web.bind.annotation.RequestHeader(
                                             name = cn.zhifa.evidence.Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody OnTheSpotForm form) {
        if (form.party() == null || form.fineYuan() == null || form.decisionNumber() == null || form.decisionNumber().isBlank()) {
            throw new cn.zhifa.shared.RuleViolation("请填写当事人、罚款金额（警告填0）和当场处罚决定书编号。");
        }
        return idempotency.onceIfKeyed(key, "case.on-the-spot", json.writeValueAsString(form),
                org.springframework.http.HttpStatus.CREATED, () -> {
                    long id = cases.decideOnTheSpot(form.party().toProposal(), form.fineYuan(), form.violationCode(),
                            form.decisionNumber());
                    Audit.target("案件", id);
                    return view(cases.get(id));
                });
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "案件详情，含时间轴、办理记录和当前可办理的操作")
    CaseView get(@PathVariable long id) {
        return view(cases.get(id));
    }

    @PostMapping("/api/v1/cases/{id}/actions/{action}")
    @Allowed(Action.HANDLE_CASE)
    @Operation(summary = "办理一个程序步骤（file、investigate、propose-penalty、approve-proposal、review、notify、decide、serve、payment、close …）")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseCommand.File.class)))
    CaseView act(@PathVariable long id,
                 @PathVariable @io.swagger.v3.oas.annotations.Parameter(description = "操作名称", schema = @io.swagger.v3.oas.annotations.media.Schema(
                         allowableValues = {"file", "investigate", "record-act", "extend", "measure-apply", "measure-emergency", "measure-approve", "measure-extend", "measure-release",
                                 "measure-dispose", "propose-penalty", "approve-proposal", "return-proposal", "review", "notify",
                                 "statement", "request-hearing", "schedule-hearing", "hold-hearing", "decide", "serve", "deferral",
                                 "instalments", "payment", "review-start", "review-end", "remind", "enforce", "no-penalty", "revoke",
                                 "transfer", "close", "archive", "recusal-apply", "recusal-decide", "replace-handler", "postpone-hearing", "end-hearing", "criminal-referral", "referral-outcome"})) String action,
                 @RequestBody(required = false) tools.jackson.databind.JsonNode body) {
        Audit.target("案件", id);
        Audit.action("案件办理：" + CaseCommands.ACTIONS.getOrDefault(action, action));
        commands.run(id, commands.fromJson(action, body));
        return view(cases.get(id));
    }

    @PostMapping("/api/v1/cases/{id}/discretion")
    @Allowed(Action.HANDLE_CASE)
    @Operation(summary = "裁量试算：法定幅度、阶次幅度、建议金额和同类案件")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseCommand.ProposePenalty.class)))
    Map<String, Object> discretion(@PathVariable long id, @RequestBody tools.jackson.databind.JsonNode body) {
        DiscretionAssessment a = cases.assess(id, commands.proposalFromJson(body));
        List<SimilarCase> similar = cases.similarCases(a.violation().code(), id);
        Map<String, Object> answer = new HashMap<>();
        answer.put("violation", a.violation().label());
        answer.put("legalMinYuan", a.legalRange().minYuan());
        answer.put("legalMaxYuan", a.legalRange().maxYuan());
        answer.put("tier", a.tier().label());
        answer.put("tierMinYuan", a.tierRange().minYuan());
        answer.put("tierMaxYuan", a.tierRange().maxYuan());
        answer.put("suggestedYuan", a.suggestedYuan());
        answer.put("outsideTier", a.outsideTier());
        answer.put("allowed", a.verdict().allowed());
        answer.put("refusal", a.verdict().reason());
        answer.put("notes", a.notes());
        answer.put("basis", a.basis());
        answer.put("similarCases", similar);
        return answer;
    }

    @PostMapping("/api/v1/cases/meetings")
    @Allowed(Action.RECORD_CASE_MEETING)
    @Operation(summary = "登记案审会（集体讨论）及其讨论的案件")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "已登记",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    type = "object", example = "{\"id\": 1}")))
    ResponseEntity<String> holdMeeting(@org.springframework.web.bind.annotation.RequestHeader(
                                               name = cn.zhifa.evidence.Idempotency.HEADER, required = false) String key,
                                       @RequestBody MeetingForm form) {
        return idempotency.onceIfKeyed(key, "case.meeting", json.writeValueAsString(form), org.springframework.http.HttpStatus.OK,
                () -> {
                    long id = cases.holdMeeting(form);
                    Audit.target("案审会", id);
                    return Map.of("id", id);
                });
    }

    @GetMapping("/api/v1/cases/meetings")
    @Operation(summary = "案审会记录")
    Page<Meeting> meetings(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(cases.meetings(year), page, size);
    }

    @GetMapping("/api/v1/cases/violations")
    @Operation(summary = "违法行为库（安全生产法第九十三条至第一百一十四条）")
    Page<Violation> violations(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(cases.library().all(), page, size);
    }

    @GetMapping("/api/v1/cases/deadlines")
    @Operation(summary = "临期（三个工作日内）和逾期的案件")
    Page<CaseWarning> deadlines(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return deadlines.watchList(null, Page.number(page), Page.size(size));
    }

    @GetMapping("/api/v1/cases/statistics")
    @Operation(summary = "案件统计（年度，含同比）")
    CaseStatistics.Figures statistics(@RequestParam(required = false) Integer year) {
        return statistics.forYear(year == null ? deadlines.today().getYear() : year);
    }
}
