package cn.zhifa.township.web;

import cn.zhifa.evidence.EvidenceView;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.township.internal.AreaKind;
import cn.zhifa.township.internal.AssistingVisits;
import cn.zhifa.township.internal.SafetyStaffRegister;
import cn.zhifa.township.internal.SafetyStaffRegister.StaffView;
import cn.zhifa.township.internal.StaffStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
 * 专职安全员名册 and their 协助检查 over JSON, with the pages' rules and scope: the register of the caller's townships
 * (phones masked), a person's visits with their photos, and the creates (an Idempotency-Key is required: a retry never
 * registers twice). A visit's photos are uploaded first through {@code POST /api/v1/evidence} and named by id.
 */
@RestController
@Tag(name = "专职安全员", description = "乡镇（街道）专职安全员名册与协助检查")
@Allowed(Action.READ_SAFETY_STAFF)
class TownshipApi {

    private final SafetyStaffRegister register;
    private final AssistingVisits visits;
    private final Idempotency idempotency;
    private final JsonMapper json;

    TownshipApi(SafetyStaffRegister register, AssistingVisits visits, Idempotency idempotency, JsonMapper json) {
        this.register = register;
        this.visits = visits;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** A person of the register as the API shows it: the phone masked (139****0101). */
    record StaffJson(long id, long townshipId, String townshipName, String name, String phone, AreaKind areaKind,
                     String areaKindLabel, String areaName, LocalDate termFrom, LocalDate termTo, StaffStatus status,
                     String statusLabel, LocalDate endedOn, long trainings, BigDecimal trainingHours, int version) {

        static StaffJson of(StaffView s) {
            return new StaffJson(s.id(), s.organizationId(), s.townshipName(), s.name(), s.maskedPhone(), s.areaKind(),
                    s.areaKind().label(), s.areaName(), s.termFrom(), s.termTo(), s.status(), s.statusLabel(), s.endedOn(),
                    s.trainings(), s.trainingHours(), s.version());
        }
    }

    /** A visit: {@code leads} the findings passed on as leads; {@code photoIds} files of the evidence store. */
    record VisitJson(long id, long staffId, String staffName, long enterpriseId, String enterpriseName, LocalDate visitedOn,
                     String observations, long leads, List<Long> photoIds) {

        static VisitJson of(AssistingVisits.VisitView v) {
            return new VisitJson(v.id(), v.staffId(), v.staffName(), v.enterpriseId(), v.enterpriseName(), v.visitedOn(),
                    v.observations(), v.leads(), v.photos().stream().map(EvidenceView::id).toList());
        }
    }

    record Created(long id) {
    }

    @GetMapping("/api/v1/township/safety-staff")
    @Operation(summary = "专职安全员名册（本单位范围内的街道、乡镇，电话打码）：unitId 街道（乡镇），status ACTIVE 在岗、ENDED 已离任，q 姓名或负责区域")
    Page<StaffJson> staff(@RequestParam(required = false) Long unitId, @RequestParam(required = false) StaffStatus status,
                          @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        return register.page(new SafetyStaffRegister.Filter(unitId, status, q), Page.number(page), Page.size(size)).map(StaffJson::of);
    }

    @GetMapping("/api/v1/township/safety-staff/{id}")
    @Operation(summary = "一名专职安全员（电话打码）")
    StaffJson person(@PathVariable long id) {
        return StaffJson.of(register.get(id));
    }

    @PostMapping("/api/v1/township/safety-staff")
    @Allowed(Action.MANAGE_SAFETY_STAFF)
    @Operation(summary = "登记专职安全员（须带 Idempotency-Key，重试不会重复登记）：organizationId 为所在街道（乡镇）")
    ResponseEntity<String> registerStaff(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @RequestBody SafetyStaffRegister.StaffForm body) {
        return idempotency.once(key, "township.staff", json.writeValueAsString(required(body)), HttpStatus.CREATED,
                () -> new Created(register.register(body)));
    }

    @GetMapping("/api/v1/township/safety-staff/{id}/visits")
    @Allowed(Action.READ_BUSINESS)
    @Operation(summary = "一名专职安全员的协助检查（新的在前），含照片的证据编号（/api/v1/evidence/{id}/content 取得照片）")
    Page<VisitJson> visits(@PathVariable long id, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        return Page.of(visits.visitsOf(id).stream().map(VisitJson::of).toList(), page, size);
    }

    @PostMapping("/api/v1/township/safety-staff/{id}/visits")
    @Allowed(Action.RECORD_SAFETY_STAFF_VISIT)
    @Operation(summary = "代专职安全员登记协助检查（须带 Idempotency-Key）：辖区内的企业、走访日期、所见情况，发现的问题每行一条"
            + "（每条作为线索交 assigneeId 指定的区执法人员），photoIds 为先经 /api/v1/evidence 上传的照片（最多9张）")
    ResponseEntity<String> recordVisit(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                       @PathVariable long id, @RequestBody AssistingVisits.RecordVisit body) {
        return idempotency.once(key, "township.visit", id + "|" + json.writeValueAsString(required(body)), HttpStatus.CREATED,
                () -> new Created(visits.recordVisit(id, body)));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new RuleViolation("请求内容为空，未作任何修改。");
        }
        return body;
    }
}
