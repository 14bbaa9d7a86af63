package cn.zhifa.supervision.web;

import cn.zhifa.evidence.Idempotency;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.ApiExceptionHandler;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.ChannelStatistics;
import cn.zhifa.supervision.ComplaintChannel;
import cn.zhifa.supervision.ComplaintManagement;
import cn.zhifa.supervision.ComplaintStatus;
import cn.zhifa.supervision.ComplaintView;
import cn.zhifa.supervision.NewComplaint;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** 投诉举报 for terminals and other systems: register (Idempotency-Key), list, read, handle, statistics per channel. */
@RestController
@Allowed(Action.READ_COMPLAINTS)
class ComplaintApi {

    private final ComplaintManagement complaints;
    private final Idempotency idempotency;
    private final JsonMapper json;

    ComplaintApi(ComplaintManagement complaints, Idempotency idempotency, JsonMapper json) {
        this.complaints = complaints;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping("/api/v1/complaints")
    @Allowed(Action.REGISTER_COMPLAINT)
    @Operation(summary = "登记投诉举报（可带 Idempotency-Key，重试不会重复登记）；答复编号与受理、办结期限")
    ResponseEntity<?> register(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody NewComplaint complaint) {
        Verdict verdict = complaints.check(complaint);
        if (verdict.refused()) {
            return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, verdict.reason());
        }
        if (key == null || key.isBlank()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(complaints.register(complaint));
        }
        return idempotency.once(key, "supervision.complaint", json.writeValueAsString(complaint), HttpStatus.CREATED,
                () -> complaints.register(complaint));
    }

    @GetMapping("/api/v1/complaints")
    @Operation(summary = "投诉举报列表（本单位及下级单位登记或交办的），可按状态、渠道、是否逾期筛选")
    Page<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                             @RequestParam(required = false) ComplaintChannel channel,
                             @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return complaints.search(status, channel, overdue, page, size);
    }

    @GetMapping("/api/v1/complaints/statistics")
    @Operation(summary = "按渠道统计：收到、受理、办结、按期办结（重复举报不计）")
    Map<String, Object> statistics(@RequestParam int year) {
        List<ChannelStatistics> rows = complaints.statistics(year);
        return Map.of("year", year, "items", rows);
    }

    @GetMapping("/api/v1/complaints/{id}")
    @Operation(summary = "投诉举报详情（举报人身份仅对承办人员显示）")
    ComplaintView get(@PathVariable long id) {
        return complaints.get(id);
    }

    @PostMapping("/api/v1/complaints/{id}/accept")
    @Allowed(Action.HANDLE_COMPLAINT)
    @Operation(summary = "受理并交办承办单位")
    ComplaintView accept(@PathVariable long id, @Valid @RequestBody ComplaintManagement.Accept command) {
        complaints.accept(id, command);
        return complaints.get(id);
    }

    @PostMapping("/api/v1/complaints/{id}/reject")
    @Allowed(Action.HANDLE_COMPLAINT)
    @Operation(summary = "不予受理（须写明理由）")
    ComplaintView reject(@PathVariable long id, @Valid @RequestBody ComplaintManagement.Reject command) {
        complaints.reject(id, command);
        return complaints.get(id);
    }

    @PostMapping("/api/v1/complaints/{id}/reply")
    @Allowed(Action.HANDLE_COMPLAINT)
    @Operation(summary = "答复举报人")
    ComplaintView reply(@PathVariable long id, @Valid @RequestBody ComplaintManagement.Reply command) {
        complaints.reply(id, command);
        return complaints.get(id);
    }

    @PostMapping("/api/v1/complaints/{id}/close")
    @Allowed(Action.HANDLE_COMPLAINT)
    @Operation(summary = "办结")
    ComplaintView close(@PathVariable long id, @Valid @RequestBody ComplaintManagement.Close command) {
        complaints.close(id, command);
        return complaints.get(id);
    }
}
