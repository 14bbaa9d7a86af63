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
import jakarta.validation.Valid;
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

/** 生产安全事故 for terminals and other systems: 快报 (Idempotency-Key), 续报, list and the accident with its deadlines and cases. */
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
