package cn.zhifa.monitoring.web;

import cn.zhifa.monitoring.internal.AlarmIngest;
import cn.zhifa.monitoring.internal.IngestRefused;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.ApiExceptionHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingest for the monitoring systems (system clients only; a user's token is refused with 403). Every call needs an
 * {@code Idempotency-Key}. Answers: <b>201</b> for every newly received report — with the task it opened, or the open
 * task of the same point it was grouped into ({@code grouped: true}), or no task (below the level, a normal patrol);
 * <b>200</b> with the same body (header {@code Idempotent-Replayed: true}) for a retry with the same key and body;
 * 409 for the same key with another body; 400 (problem detail in Chinese) for bad input, with nothing stored.
 */
@RestController
class MonitoringIngestApi {

    private final AlarmIngest ingest;

    MonitoringIngestApi(AlarmIngest ingest) {
        this.ingest = ingest;
    }

    @Schema(description = "监测报警")
    record AlarmBody(@Schema(description = "监测点位号", example = "TJ-HX-LT101") String point,
                     @Schema(description = "监测值", example = "8.35") BigDecimal value,
                     @Schema(description = "报警级别：1 一级报警，2 二级报警", example = "2") Integer level,
                     @Schema(description = "发生时间（ISO 8601）", example = "2026-12-05T08:30:00+08:00") OffsetDateTime time,
                     @Schema(description = "报警快照，Base64（可选，JPEG/PNG）") String snapshot,
                     @Schema(description = "快照原始字节的 SHA-256（十六进制），随快照必填") String snapshotSha256) {
    }

    @Schema(description = "视频巡查结果")
    record PatrolBody(@Schema(description = "视频监控点位号", example = "TJ-HX-CAM03") String point,
                      @Schema(description = "巡查时间（ISO 8601）") OffsetDateTime time,
                      @Schema(description = "是否发现异常") Boolean abnormal,
                      @Schema(description = "巡查说明") String note,
                      @Schema(description = "巡查截图，Base64（可选）") String snapshot,
                      @Schema(description = "截图原始字节的 SHA-256（十六进制），随截图必填") String snapshotSha256) {
    }

    @Schema(description = "报送结果")
    record Received(@Schema(description = "报警（巡查结果）编号") long alarmId,
                    @Schema(description = "所转或归并的在线检查任务编号；未转任务时为空") Long taskId,
                    @Schema(description = "是否归并到该监测点未办结的任务") boolean grouped,
                    @Schema(description = "该任务已归并的报警次数") int alarmCount,
                    @Schema(description = "未能转任务的原因") String taskRefusal) {
    }

    @PostMapping("/api/v1/monitoring/alarms")
    @Allowed(Action.INGEST_MONITORING)
    @Operation(summary = "监测系统报送报警（系统接入客户端）：达到配置级别的报警转为在线检查任务，同一监测点未办结时归并")
    ResponseEntity<Received> alarm(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @RequestBody(required = false) AlarmBody body) {
        if (body == null) {
            throw new IngestRefused("请求体为空，请按接口说明报送 JSON，未作任何保存。");
        }
        return answer(ingest.receive(client(), key, new AlarmIngest.Report(AlarmIngest.Kind.ALARM, body.point(), body.value(),
                body.level(), null, null, body.time() == null ? null : body.time().toInstant(), body.snapshot(),
                body.snapshotSha256()), body.toString()));
    }

    @PostMapping("/api/v1/monitoring/patrols")
    @Allowed(Action.INGEST_MONITORING)
    @Operation(summary = "监测系统报送视频巡查结果（系统接入客户端）：异常的转为在线检查任务")
    ResponseEntity<Received> patrol(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @RequestBody(required = false) PatrolBody body) {
        if (body == null) {
            throw new IngestRefused("请求体为空，请按接口说明报送 JSON，未作任何保存。");
        }
        return answer(ingest.receive(client(), key, new AlarmIngest.Report(AlarmIngest.Kind.PATROL, body.point(), null,
                null, body.abnormal(), body.note(), body.time() == null ? null : body.time().toInstant(), body.snapshot(),
                body.snapshotSha256()), body.toString()));
    }

    private static cn.zhifa.monitoring.internal.ClientPrincipal client() {
        return cn.zhifa.monitoring.internal.ClientPrincipal.current();
    }

    private static ResponseEntity<Received> answer(AlarmIngest.Outcome outcome) {
        Received body = new Received(outcome.alarmId(), outcome.taskId(), outcome.grouped(), outcome.alarmCount(),
                outcome.taskRefusal());
        return outcome.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body)
                : ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @ExceptionHandler(IngestRefused.class)
    ResponseEntity<ProblemDetail> refused(IngestRefused refused) {
        return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, refused.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST,
                "报送内容不是有效的 JSON 或字段格式有误（时间须为 ISO 8601，数值须为数字），未作任何保存。");
    }
}
