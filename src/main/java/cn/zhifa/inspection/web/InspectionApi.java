package cn.zhifa.inspection.web;

import org.springframework.web.bind.annotation.RequestParam;
import cn.zhifa.shared.web.Page;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.ChecklistTemplate;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.RecordSubmission;
import cn.zhifa.inspection.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The terminal API: tasks, checklists, whole-record submission. Every create needs an Idempotency-Key. */
@RestController
@Tag(name = "执法检查", description = "检查任务、检查清单、现场检查记录（执法终端）")
@Allowed(Action.READ_BUSINESS)
class InspectionApi {

    private final InspectionManagement inspections;
    private final ChecklistManagement checklists;
    private final Idempotency idempotency;
    private final JsonMapper json;
    private final cn.zhifa.inspection.InspectionDocuments documents;
    private final cn.zhifa.inspection.internal.OfflineBundles offline;

    InspectionApi(InspectionManagement inspections, ChecklistManagement checklists, Idempotency idempotency,
                  JsonMapper json, cn.zhifa.inspection.InspectionDocuments documents,
                  cn.zhifa.inspection.internal.OfflineBundles offline) {
        this.documents = documents;
        this.offline = offline;
        this.inspections = inspections;
        this.checklists = checklists;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping("/api/v1/inspection/tasks")
    @Allowed(Action.CREATE_INSPECTION_TASK)
    @Operation(summary = "新建检查任务（须带 Idempotency-Key）")
    ResponseEntity<String> createTask(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @Valid @RequestBody NewTask task) {
        return idempotency.once(key, "inspection.task", json.writeValueAsString(task), HttpStatus.CREATED,
                () -> inspections.createTask(task));
    }

    @GetMapping("/api/v1/inspection/tasks/mine")
    @Operation(summary = "我的待检查任务")
    Page<TaskView> myTasks(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(inspections.myOpenTasks(), page, size);
    }

    @GetMapping("/api/v1/inspection/tasks/{id}")
    @Operation(summary = "检查任务详情")
    TaskView task(@PathVariable long id) {
        return inspections.task(id);
    }

    /** {@code inspectionAt}: the inspection time the notice announces (local time, Asia/Shanghai). */
    record Notice(String method, Instant sentAt, java.time.LocalDateTime inspectionAt, String content) {
    }

    @PostMapping("/api/v1/inspection/tasks/{id}/notice")
    @Allowed(Action.INSPECT)
    @Operation(summary = "登记执法检查告知书的送达（同时出具执法检查告知书）")
    TaskView notice(@PathVariable long id, @RequestBody Notice notice) {
        return inspections.recordNoticeSent(id, notice.method(), notice.sentAt(), notice.inspectionAt(), notice.content());
    }

    @GetMapping("/api/v1/inspection/checklists")
    @Operation(summary = "现行检查清单")
    Page<ChecklistTemplate> checklists(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(checklists.current(), page, size);
    }

    @GetMapping("/api/v1/inspection/checklists/{id}")
    @Operation(summary = "检查清单（指定版本）")
    ChecklistTemplate checklist(@PathVariable long id) {
        return checklists.get(id);
    }

    @PostMapping("/api/v1/inspection/records")
    @Allowed(Action.INSPECT)
    @Operation(summary = "提交现场检查记录（整份提交，须带 Idempotency-Key，重试不会重复）")
    ResponseEntity<String> submit(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody RecordSubmission submission) {
        return idempotency.once(key, "inspection.record", json.writeValueAsString(submission), HttpStatus.CREATED,
                () -> {
                    InspectionRecord submitted = documents.submitComplete(submission);
                    return RecordApiView.of(submitted, documents.stateJustSubmitted(submitted));
                });
    }

    @PostMapping("/api/v1/inspection/records/{id}/documents")
    @Allowed(Action.INSPECT)
    @Operation(summary = "出具现场检查记录、责令限期整改指令书、现场处理措施决定书（重复调用返回已出具的文书）")
    List<cn.zhifa.documents.IssuedDocument> issueDocuments(@PathVariable long id) {
        return documents.issue(id);
    }

    @GetMapping("/api/v1/inspection/records/{id}")
    @Operation(summary = "现场检查记录")
    RecordApiView record(@PathVariable long id) {
        InspectionRecord record = inspections.record(id);
        return RecordApiView.of(record, documents.state(record));
    }

    @GetMapping("/api/v1/inspection/offline-bundle")
    @Allowed(Action.INSPECT)
    @Operation(summary = "离线包：本人待检查任务（企业、检查组、检查清单版本及判定标准、告知书状态、近期检查）和本人登记的签名")
    ResponseEntity<cn.zhifa.inspection.internal.OfflineBundles.Bundle> offlineBundle() {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(offline.mine());
    }

    @GetMapping("/api/v1/inspection/records/{id}/documents")
    @Operation(summary = "现场检查记录已出具的文书（现场检查记录、责令限期整改指令书等）")
    Page<cn.zhifa.documents.IssuedDocument> issuedDocuments(@PathVariable long id, @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer size) {
        return Page.of(documents.of(id), page, size);
    }
}
