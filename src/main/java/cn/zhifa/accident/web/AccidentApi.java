package cn.zhifa.accident.web;

import cn.zhifa.accident.AccidentFilter;
import cn.zhifa.accident.AccidentManagement;
import cn.zhifa.accident.AccidentRow;
import cn.zhifa.accident.AccidentStatus;
import cn.zhifa.accident.AccidentView;
import cn.zhifa.accident.NewAccident;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
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

/**
 * 生产安全事故 for terminals and other systems: 快报 (Idempotency-Key), 续报, investigation (team, extension), report, 批复
 * (proposing the cases; Idempotency-Key), measures done, evaluation, list and the accident with its deadlines and cases.
 * The same checks as the pages: refusals come back as problem details in Chinese.
 */
@RestController
@Allowed(Action.READ_BUSINESS)
class AccidentApi {

    private final AccidentManagement accidents;
    private final Idempotency idempotency;
    private final JsonMapper json;

    AccidentApi(AccidentManagement accidents, Idempotency idempotency, JsonMapper json) {
        this.accidents = accidents;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping("/api/v1/accidents")
    @Allowed(Action.REPORT_ACCIDENT)
    @Operation(summary = "事故快报（可带 Idempotency-Key，重试不会重复登记）；返回事故等级、报告期限")
    ResponseEntity<String> report(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody NewAccident accident) {
        return idempotency.onceIfKeyed(key, "accident.report", json.writeValueAsString(accident), HttpStatus.CREATED,
                () -> accidents.get(accidents.report(accident)));
    }

    @PostMapping("/api/v1/accidents/{id}/follow-ups")
    @Allowed(Action.REPORT_ACCIDENT)
    @Operation(summary = "事故续报：伤亡人数或损失变化，重新定级（保留历次报告）")
    AccidentView followUp(@PathVariable long id, @Valid @RequestBody AccidentManagement.FollowUp followUp) {
        accidents.followUp(id, followUp);
        return accidents.get(id);
    }

    @PostMapping("/api/v1/accidents/{id}/investigation")
    @Allowed(Action.INVESTIGATE_ACCIDENT)
    @Operation(summary = "开始事故调查：调查组（组长、成员、专家）及开始日期；调查主体按事故等级确定，期限自事故发生之日起60日")
    AccidentView startInvestigation(@PathVariable long id, @Valid @RequestBody AccidentManagement.StartInvestigation command) {
        accidents.startInvestigation(id, command);
        return accidents.get(id);
    }

    @PostMapping("/api/v1/accidents/{id}/investigation/extension")
    @Allowed(Action.DECIDE_ACCIDENT)
    @Operation(summary = "延长调查期限60日（经负责事故调查的人民政府批准，只能延长一次）")
    AccidentView extendInvestigation(@PathVariable long id, @Valid @RequestBody AccidentManagement.ExtendInvestigation command) {
        accidents.extendInvestigation(id, command);
        return accidents.get(id);
    }

    @PostMapping("/api/v1/accidents/{id}/report")
    @Allowed(Action.INVESTIGATE_ACCIDENT)
    @Operation(summary = "提交事故调查报告：原因、单位和人员责任、处理建议、整改和防范措施")
    AccidentView submitReport(@PathVariable long id, @Valid @RequestBody AccidentManagement.SubmitReport command) {
        accidents.submitReport(id, command);
        return accidents.get(id);
    }

    @PostMapping("/api/v1/accidents/{id}/approval/extension")
    @Allowed(Action.DECIDE_ACCIDENT)
    @Operation(summary = "延长批复期限（仅特别重大事故，最长30日）")
    AccidentView extendApproval(@PathVariable long id) {
        accidents.extendApproval(id);
        return accidents.get(id);
    }

    @PostMapping("/api/v1/accidents/{id}/approval")
    @Allowed(Action.DECIDE_ACCIDENT)
    @Operation(summary = "批复事故调查报告，并提出报告认定的处罚案件（单位：安全生产法第一百一十四条；主要负责人：第九十五条）；"
            + "会创建案件，可带 Idempotency-Key，重试不会重复立案；返回事故及其案件")
    ResponseEntity<String> approve(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @PathVariable long id, @Valid @RequestBody AccidentManagement.Approve command) {
        return idempotency.onceIfKeyed(key, "accident.approve." + id, json.writeValueAsString(command), HttpStatus.CREATED,
                () -> {
                    accidents.approve(id, command);
                    return accidents.get(id);
                });
    }

    @PostMapping("/api/v1/accidents/{id}/measures/{index}/done")
    @Allowed(Action.INVESTIGATE_ACCIDENT)
    @Operation(summary = "整改和防范措施已完成（index 为措施序号，从0起）")
    AccidentView completeMeasure(@PathVariable long id, @PathVariable int index, @Valid @RequestBody MeasureDone command) {
        accidents.completeMeasure(id, index, command.doneOn());
        return accidents.get(id);
    }

    @PostMapping("/api/v1/accidents/{id}/evaluation")
    @Allowed(Action.DECIDE_ACCIDENT)
    @Operation(summary = "整改和防范措施落实情况评估（批复后一年内）")
    AccidentView evaluate(@PathVariable long id, @Valid @RequestBody AccidentManagement.Evaluate command) {
        accidents.evaluate(id, command);
        return accidents.get(id);
    }

    @Schema(description = "整改和防范措施的完成日期")
    record MeasureDone(@NotNull(message = "请填写措施完成日期") LocalDate doneOn) {
    }

    @GetMapping("/api/v1/accidents")
    @Operation(summary = "事故列表（本单位及下级单位），可按等级、年份、单位、状态、关键词筛选")
    Page<AccidentRow> list(@RequestParam(required = false) AccidentGrade grade, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) Long unitId, @RequestParam(required = false) AccidentStatus status,
                           @RequestParam(required = false) String keyword,
                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return accidents.search(new AccidentFilter(grade, year, unitId, status, keyword), page, size);
    }

    @GetMapping("/api/v1/accidents/{id}")
    @Operation(summary = "事故详情：等级及定级理由、历次报告、调查、批复、处罚案件、整改、评估和各项期限")
    AccidentView get(@PathVariable long id) {
        return accidents.get(id);
    }
}
