package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.CertificateStatus;
import cn.zhifa.registry.OfficerCertificate;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Officers and their 行政执法证 over JSON (read only, the caller's subtree; a unit outside it is 403). */
@RestController
@Tag(name = "企业库与执法人员")
@Allowed(Action.READ_BUSINESS)
class OfficerApi {

    private final OfficerManagement officers;
    private final OrganizationManagement organizations;
    private final Clock clock;

    OfficerApi(OfficerManagement officers, OrganizationManagement organizations, Clock clock) {
        this.officers = officers;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * An officer's certificate and its state today: {@code status} is what was recorded (有效/暂扣/注销), {@code standing}
     * what it means today (VALID 有效, EXPIRING 即将到期, EXPIRED 已过期, SUSPENDED 暂扣, REVOKED 注销, NOT_YET 未生效).
     */
    record OfficerView(long certificateId, long userId, String name, long organizationId, String organizationName,
                       String certificateNo, String issuingAuthority, LocalDate issuedOn, LocalDate expiresOn,
                       CertificateStatus status, String statusLabel, String statusReason, LocalDate statusSince,
                       @Schema(allowableValues = {"VALID", "EXPIRING", "EXPIRED", "SUSPENDED", "REVOKED", "NOT_YET"}) String standing,
                       String standingLabel, boolean mayEnforce, String townCode) {
    }

    @GetMapping("/api/v1/officers")
    @Operation(summary = "执法人员及其行政执法证状态（本单位及下级单位；q：姓名或证号；organizationId：某单位及其下级；"
            + "standing：VALID（含即将到期）、EXPIRING、EXPIRED、SUSPENDED、REVOKED）")
    Page<OfficerView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
                           @RequestParam(required = false) String standing, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        if (standing != null && !standing.isBlank() && !OfficerPages.STANDINGS.containsKey(standing)) {
            throw new IllegalArgumentException("执法证状态“" + standing + "”不存在，可选 " + String.join("、", OfficerPages.STANDINGS.keySet()) + "。");
        }
        LocalDate today = LocalDate.now(clock);
        return Page.of(officers.certificates(q, organizationId, standing, today), page, size).map(c -> view(c, today));
    }

    private OfficerView view(OfficerCertificate c, LocalDate today) {
        String standing = officers.standing(c, today);
        return new OfficerView(c.getId(), c.getUserId(), c.getOfficerName(), c.getOrganizationId(),
                organizations.find(c.getOrganizationId()).map(OrganizationView::name).orElse(null), c.getCertificateNo(),
                c.getIssuingAuthority(), c.getIssuedOn(), c.getExpiresOn(), c.getStatus(), c.getStatus().label(),
                c.getStatusReason(), c.getStatusSince(), standing, OfficerPages.STANDINGS.getOrDefault(standing, "未生效"),
                c.validOn(today), c.getTownCode());
    }
}
