package cn.zhifa.hazard.web;

import cn.zhifa.shared.web.Page;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardQuery;
import cn.zhifa.hazard.HazardView;
import cn.zhifa.hazard.HazardRegistration;
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

/** The hazard loop for terminals. Creates and loop steps need an Idempotency-Key. */
@RestController
@Tag(name = "隐患", description = "隐患台账与整改闭环")
@Allowed(Action.READ_BUSINESS)
class HazardApi {

    private final HazardManagement hazards;
    private final Idempotency idempotency;
    private final JsonMapper json;
    private final cn.zhifa.hazard.SelfReporting selfReporting;
    private final cn.zhifa.shared.web.PublicAddress publicAddress;

    HazardApi(HazardManagement hazards, Idempotency idempotency, JsonMapper json,
              cn.zhifa.hazard.SelfReporting selfReporting, cn.zhifa.shared.web.PublicAddress publicAddress) {
        this.selfReporting = selfReporting;
        this.publicAddress = publicAddress;
        this.hazards = hazards;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GetMapping("/api/v1/hazards")
    @Operation(summary = "隐患台账，按数据范围分页（filter: open/all/overdue/due-soon/major/supervised/closed；"
            + "unitId: 本单位及下级；recordId；sort: deadline/found/found-asc；page 从 0 起，size 1–200）")
    Page<HazardView> list(@RequestParam(required = false) String filter, @RequestParam(required = false) Long unitId,
                    @RequestParam(required = false) Long recordId, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        // one page of the register; total is exact up to the count cap, cap + 1 means more
        return hazards.search(new HazardQuery(filter, unitId, recordId, sort, Page.number(page), Page.size(size)));
    }

    @GetMapping("/api/v1/hazards/{id}")
    @Operation(summary = "隐患详情")
    HazardView get(@PathVariable long id) {
        return hazards.view(hazards.get(id));
    }

    @PostMapping("/api/v1/hazards")
    @Allowed(Action.REGISTER_HAZARD)
    @Operation(summary = "登记一家企业的隐患并责令整改：同一期限的隐患出具一份责令限期整改指令书，现场处理措施出具现场处理措施决定书；"
            + "须两名执法人员和被检查单位负责人签名（或记录拒签及见证人），须带 Idempotency-Key")
    ResponseEntity<String> register(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @RequestBody HazardRegistration registration) {
        return idempotency.once(key, "hazard.register", json.writeValueAsString(registration), HttpStatus.CREATED,
                () -> hazards.register(registration).stream().map(hazards::view).toList());
    }

    record Rectification(String report, List<Long> evidenceIds) {
    }

    @PostMapping("/api/v1/hazards/{id}/rectification")
    @Allowed(Action.HANDLE_HAZARD)
    @Operation(summary = "报告整改完成（附证据，须带 Idempotency-Key）")
    ResponseEntity<String> rectification(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @PathVariable long id, @RequestBody Rectification body) {
        return idempotency.once(key, "hazard.rectification." + id, json.writeValueAsString(body), HttpStatus.OK, () -> {
            hazards.reportRectification(id, body.report(), body.evidenceIds());
            return hazards.view(hazards.get(id));
        });
    }

    /** {@code officerSignatures}: the two re-checking officers (PNG data URLs); {@code representative}: the person in charge. */
    record Reinspection(boolean passed, String opinion, LocalDate newDeadline, Boolean confirmNonWorkingDeadline,
                        List<Long> evidenceIds, List<cn.zhifa.inspection.RecordSubmission.OfficerSignature> officerSignatures,
                        cn.zhifa.inspection.RecordSubmission.RepresentativeSignature representative) {
    }

    @PostMapping("/api/v1/hazards/{id}/reinspection")
    @Allowed(Action.HANDLE_HAZARD)
    @Operation(summary = "复查（两名执法人员和被复查单位负责人签名，出具整改复查意见书；须带 Idempotency-Key）")
    ResponseEntity<String> reinspection(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                        @PathVariable long id, @RequestBody Reinspection body) {
        return idempotency.once(key, "hazard.reinspection." + id, json.writeValueAsString(body), HttpStatus.OK, () -> {
            hazards.reinspect(id, body.passed(), body.opinion(), body.newDeadline(),
                    Boolean.TRUE.equals(body.confirmNonWorkingDeadline()),
                    body.evidenceIds(), new cn.zhifa.hazard.RecheckSignatures(body.officerSignatures(), body.representative()));
            return hazards.view(hazards.get(id));
        });
    }

    /** {@code officerSignatures}: the two officers (PNG data URLs); {@code representative}: the unit's person in charge. */
    record Confirmation(LocalDate deadline, Boolean confirmNonWorkingDeadline, String immediateMeasure,
                        List<cn.zhifa.inspection.RecordSubmission.OfficerSignature> officerSignatures,
                        cn.zhifa.inspection.RecordSubmission.RepresentativeSignature representative) {
    }

    @PostMapping("/api/v1/hazards/{id}/confirmation")
    @Allowed(Action.HANDLE_HAZARD)
    @Operation(summary = "核实企业自报隐患并责令整改（出具责令限期整改指令书或现场处理措施决定书，两名执法人员和被检查单位负责人签名；须带 Idempotency-Key）")
    ResponseEntity<String> confirm(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @PathVariable long id, @RequestBody Confirmation body) {
        return idempotency.once(key, "hazard.confirmation." + id, json.writeValueAsString(body), HttpStatus.OK, () -> {
            hazards.confirm(id, body.deadline(), body.immediateMeasure(),
                    Boolean.TRUE.equals(body.confirmNonWorkingDeadline()),
                    new cn.zhifa.hazard.RecheckSignatures(body.officerSignatures(), body.representative()));
            return hazards.view(hazards.get(id));
        });
    }

    @PostMapping("/api/v1/hazards/{id}/closure")
    @Allowed(Action.HANDLE_HAZARD)
    @Operation(summary = "销号（第二名执法人员，须带 Idempotency-Key）")
    ResponseEntity<String> close(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @PathVariable long id) {
        return idempotency.once(key, "hazard.closure." + id, "", HttpStatus.OK, () -> {
            hazards.close(id);
            return hazards.view(hazards.get(id));
        });
    }

    record NewLink(long enterpriseId) {
    }

    /** A new self-report link: its token and the whole address to send the firm (the same the page shows). */
    @io.swagger.v3.oas.annotations.media.Schema(description = "企业隐患自报链接")
    record ReportLink(@io.swagger.v3.oas.annotations.media.Schema(description = "链接令牌") String token,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "企业 id") long enterpriseId,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "企业名称") String enterpriseName,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "执法单位 id") long organizationId,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "失效时间") java.time.Instant expiresAt,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "发给企业的完整自报地址（以 ZHIFA_PUBLIC_BASE_URL 开头；未设置时为签发人访问平台的地址）")
                      String url) {

        static ReportLink of(cn.zhifa.hazard.SelfReporting.Link link, cn.zhifa.shared.web.PublicAddress address) {
            return new ReportLink(link.token(), link.enterpriseId(), link.enterpriseName(), link.organizationId(),
                    link.expiresAt(), address.link(link.path()));
        }
    }

    @PostMapping("/api/v1/hazards/report-links")
    @Allowed(Action.HANDLE_HAZARD)
    @Operation(summary = "生成企业隐患自报链接（须带 Idempotency-Key），答复含令牌和完整自报地址")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "已生成",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ReportLink.class)))
    ResponseEntity<String> reportLink(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @RequestBody NewLink body) {
        return idempotency.once(key, "hazard.report-link", String.valueOf(body.enterpriseId()), HttpStatus.CREATED,
                () -> ReportLink.of(selfReporting.createLink(body.enterpriseId()), publicAddress));
    }

    record Supervision(String responsiblePerson, String measures, BigDecimal funds, LocalDate timeLimit,
                       String contingencyPlan) {
    }

    @PostMapping("/api/v1/hazards/{id}/supervision")
    @Allowed(Action.DECIDE_HAZARD)
    @Operation(summary = "挂牌督办（五落实）")
    HazardView supervise(@PathVariable long id, @RequestBody Supervision body) {
        hazards.supervise(id, body.responsiblePerson(), body.measures(), body.funds(), body.timeLimit(),
                body.contingencyPlan());
        return hazards.view(hazards.get(id));
    }
}
