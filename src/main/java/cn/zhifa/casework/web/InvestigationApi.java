package cn.zhifa.casework.web;

import org.springframework.web.bind.annotation.RequestParam;
import cn.zhifa.shared.web.Page;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.casework.InvestigationRecords;
import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.OnsiteRecord;
import cn.zhifa.casework.PreservedEvidence;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structured case records for terminal clients: the same commands as the phone pages, with the form as JSON
 * ({@code fields}, {@code answers}, {@code items}, {@code signatures} as PNG data URLs by area, {@code refusals} by
 * area) and the client's idempotency key (a retry returns the record made first).
 */
@RestController
@Tag(name = "案件笔录与现场文书")
@Allowed(Action.READ_BUSINESS)
class InvestigationApi {

    private final InvestigationRecords records;

    InvestigationApi(InvestigationRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v1/cases/{id}/records")
    @Operation(summary = "案件的结构化笔录和现场文书（询问、勘验、先行登记保存、调查报告、听证、送达），含签发的文书编号")
    Page<OnsiteRecord> list(@PathVariable long id, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(records.records(id), page, size);
    }

    @GetMapping("/api/v1/cases/{id}/preservations")
    @Operation(summary = "案件的先行登记保存及其处理决定期限（行政处罚法第五十六条）和处理决定")
    Page<PreservedEvidence> preservations(@PathVariable long id, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(records.preservations(id), page, size);
    }

    @PostMapping("/api/v1/cases/{id}/records/{recordId}/preservation-decision")
    @Allowed(Action.HANDLE_CASE)
    @Operation(summary = "作出先行登记保存处理决定（decision：RECORDED、APPRAISAL、SEIZURE、TRANSFER、RELEASED；decidedOn；reason），每份记录只能作出一次")
    PreservedEvidence decidePreservation(@PathVariable long id, @PathVariable long recordId,
                                         @RequestBody InvestigationRecords.DecidePreservation body) {
        Audit.target("案件", id);
        Audit.action("先行登记保存处理决定");
        return records.decidePreservation(id, recordId, body);
    }

    @PostMapping("/api/v1/cases/{id}/records/preservation-request")
    @Allowed(Action.HANDLE_CASE)
    @Operation(summary = "提请负责人批准先行登记保存（行政处罚法第五十六条）：fields 同先行登记保存（approvalReason 必填），items 为证据清单；不签发文书")
    ResponseEntity<OnsiteRecord> requestPreservation(@PathVariable long id,
                                                     @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                     @RequestBody RecordInput body) {
        Audit.target("案件", id);
        Audit.action("提请批准先行登记保存");
        long recordId = records.requestPreservation(id, withKey(body, key));
        return created(id, recordId);
    }

    @PostMapping("/api/v1/cases/{id}/records/{recordId}/preservation-approval")
    @Allowed(Action.APPROVE_PRESERVATION)
    @Operation(summary = "负责人批准先行登记保存：事前批准，或情况紧急先行保存后在规定时限内补办批准")
    OnsiteRecord approvePreservation(@PathVariable long id, @PathVariable long recordId,
                                     @RequestBody InvestigationRecords.ApprovePreservation body) {
        Audit.target("案件", id);
        Audit.action("批准先行登记保存");
        records.approvePreservation(id, recordId, body);
        return one(id, recordId);
    }

    @PostMapping("/api/v1/cases/{id}/records/{recordId}/preservation-issue")
    @Allowed(Action.HANDLE_CASE)
    @Operation(summary = "签发经批准的先行登记保存证据通知书：fields.partyPerson，signatures、refusals 同其他笔录")
    OnsiteRecord issuePreservation(@PathVariable long id, @PathVariable long recordId,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @RequestBody RecordInput body) {
        Audit.target("案件", id);
        Audit.action("案件记录：先行登记保存证据");
        records.issuePreservation(id, recordId, withKey(body, key));
        return one(id, recordId);
    }

    private static RecordInput withKey(RecordInput body, String key) {
        return new RecordInput(body.fields(), body.answers(), body.items(), body.signatures(), body.refusals(),
                key != null ? key : body.idempotencyKey());
    }

    private OnsiteRecord one(long id, long recordId) {
        return records.records(id).stream().filter(r -> r.id() == recordId).findFirst().orElseThrow();
    }

    private ResponseEntity<OnsiteRecord> created(long id, long recordId) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/records")).body(one(id, recordId));
    }

    @PostMapping("/api/v1/cases/{id}/records/{kind}")
    @Allowed(Action.HANDLE_CASE)
    @Operation(summary = "记录一份笔录或现场文书并签发（kind：inquiry-notice、inquiry、survey、preservation、report、hearing、service）")
    ResponseEntity<OnsiteRecord> record(@PathVariable long id, @PathVariable String kind,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @RequestBody RecordInput body) {
        Audit.target("案件", id);
        OnsiteKind k = OnsiteKind.bySlug(kind);
        Audit.action("案件记录：" + k.label());
        RecordInput in = new RecordInput(body.fields(), body.answers(), body.items(), body.signatures(), body.refusals(),
                key != null ? key : body.idempotencyKey());
        long recordId = switch (k) {
            case INQUIRY_NOTICE -> records.scheduleInquiry(id, in);
            case INQUIRY -> records.recordInquiry(id, in);
            case SURVEY -> records.recordSurvey(id, in);
            case PRESERVATION -> records.preserveEvidence(id, in);
            case REPORT -> records.reportInvestigation(id, in);
            case HEARING -> records.recordHearing(id, in);
            case SERVICE -> records.serve(id, in);
            case ON_THE_SPOT -> throw new RuleViolation("当场处罚请使用 POST /api/v1/cases/on-the-spot。");
        };
        OnsiteRecord saved = records.records(id).stream().filter(r -> r.id() == recordId).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/records")).body(saved);
    }
}
