package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.registry.Agency;
import cn.zhifa.registry.AgencyEvent;
import cn.zhifa.registry.AgencyKind;
import cn.zhifa.registry.AgencyManagement;
import cn.zhifa.registry.AgencyStatus;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Third-party agencies over JSON (read only, data-scoped: another unit's agency is 403, an unknown one 404). */
@RestController
@Tag(name = "第三方机构", description = "安全评价、检测检验、培训、咨询机构及其服务企业（只读）")
@Allowed(Action.READ_BUSINESS)
class AgencyApi {

    private final AgencyManagement agencies;

    AgencyApi(AgencyManagement agencies) {
        this.agencies = agencies;
    }

    record AgencyView(long id, String name, String uscc, AgencyKind kind, String kindLabel, String qualificationNo,
                      String grade, LocalDate validUntil, AgencyStatus status, String statusLabel, String statusReason,
                      LocalDate suspendedUntil, long organizationId, int currentClients) {

        static AgencyView of(Agency a) {
            return new AgencyView(a.id(), a.name(), a.uscc(), a.kind(), a.kind().label(), a.qualificationNo(), a.grade(),
                    a.validUntil(), a.status(), a.status().label(), a.statusReason(), a.suspendedUntil(), a.organizationId(),
                    a.clients());
        }
    }

    record Event(AgencyEvent.Kind kind, String kindLabel, LocalDate occurredOn, String detail, Instant recordedAt) {
    }

    record AgencyDetail(AgencyView agency, List<AgencyManagement.Client> clients, List<Event> history) {
    }

    @GetMapping("/api/v1/agencies")
    @Operation(summary = "第三方机构（本单位及下级单位；kind：EVALUATION 安全评价、TESTING 检测检验、TRAINING 安全培训、CONSULTING 安全咨询；"
            + "status：ACTIVE 正常、SUSPENDED 暂停、REVOKED 撤销）")
    Page<AgencyView> list(@RequestParam(required = false) AgencyKind kind, @RequestParam(required = false) AgencyStatus status,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(agencies.agencies(kind, status).stream().map(AgencyView::of).toList(), page, size);
    }

    @GetMapping("/api/v1/agencies/{id}")
    @Operation(summary = "机构详情：资质与状态、服务的企业（含已结束的服务）、变更历史")
    AgencyDetail get(@PathVariable long id) {
        Agency agency = agencies.agency(id);
        return new AgencyDetail(AgencyView.of(agency), agencies.clients(id), agencies.history(id).stream()
                .map(e -> new Event(e.kind(), e.kind().label(), e.occurredOn(), e.detail(), e.changedAt())).toList());
    }
}
