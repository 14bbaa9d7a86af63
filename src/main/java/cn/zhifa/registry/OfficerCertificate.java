package cn.zhifa.registry;

import cn.zhifa.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An officer's 行政执法证. Lifecycle: issued (有效) → renewed with a later expiry → suspended (暂扣) ⇄
 * reinstated → revoked (注销, final); the holder's township may change while not revoked. Each transition guards the state, changes it, keeps a
 * {@link CertificateEvent} and registers a {@link CertificateChanged}. The certificate entitles its holder
 * to enforce on a date when it was issued, had not expired, and was not suspended or revoked by then.
 */
@Table("officer_certificate")
public class OfficerCertificate extends AbstractAggregateRoot<OfficerCertificate> {

    @Id
    private final Long id;
    private final long userId;
    private final String officerName;
    private long organizationId;
    private final String certificateNo;
    private final String issuingAuthority;
    private final LocalDate issuedOn;
    private LocalDate expiresOn;
    private CertificateStatus status;
    private String statusReason;
    private LocalDate statusSince;
    private String townCode;
    private final boolean demo;
    @Version
    private int version;
    private final Instant createdAt;
    @MappedCollection(idColumn = "officer_certificate", keyColumn = "seq")
    private List<CertificateEvent> events;

    @PersistenceCreator
    OfficerCertificate(Long id, long userId, String officerName, long organizationId, String certificateNo,
                       String issuingAuthority, LocalDate issuedOn, LocalDate expiresOn, CertificateStatus status,
                       String statusReason, LocalDate statusSince, String townCode, boolean demo, int version,
                       Instant createdAt, List<CertificateEvent> events) {
        this.id = id;
        this.userId = userId;
        this.officerName = officerName;
        this.organizationId = organizationId;
        this.certificateNo = certificateNo;
        this.issuingAuthority = issuingAuthority;
        this.issuedOn = issuedOn;
        this.expiresOn = expiresOn;
        this.status = status;
        this.statusReason = statusReason;
        this.statusSince = statusSince;
        this.townCode = townCode;
        this.demo = demo;
        this.version = version;
        this.createdAt = createdAt;
        this.events = new ArrayList<>(events == null ? List.of() : events);
    }

    static OfficerCertificate issue(long userId, String officerName, long organizationId, String certificateNo,
                                    String issuingAuthority, LocalDate issuedOn, LocalDate expiresOn, String townCode,
                                    boolean demo, Instant now) {
        if (!expiresOn.isAfter(issuedOn)) {
            throw new RuleViolation("有效期截止日期必须晚于发证日期。");
        }
        OfficerCertificate certificate = new OfficerCertificate(null, userId, officerName, organizationId, certificateNo,
                issuingAuthority, issuedOn, expiresOn, CertificateStatus.VALID, null, issuedOn, townCode, demo, 0, now, null);
        certificate.happened(CertificateEventKind.ISSUED, issuedOn, null);
        return certificate;
    }

    void renew(LocalDate newExpiry, LocalDate on) {
        requireNot(CertificateStatus.REVOKED, "已注销的执法证不能换证延期，请重新发证。");
        if (!newExpiry.isAfter(expiresOn)) {
            throw new RuleViolation("新的有效期截止日期必须晚于原截止日期 " + expiresOn + "。");
        }
        expiresOn = newExpiry;
        happened(CertificateEventKind.RENEWED, on, "有效期延至 " + newExpiry);
    }

    void suspend(String reason, LocalDate on) {
        if (status != CertificateStatus.VALID) {
            throw new RuleViolation("只有有效的执法证才能暂扣，当前状态为“" + status.label() + "”。");
        }
        requireReason(reason, "暂扣");
        status = CertificateStatus.SUSPENDED;
        statusReason = reason.strip();
        statusSince = on;
        happened(CertificateEventKind.SUSPENDED, on, statusReason);
    }

    void reinstate(LocalDate on) {
        if (status != CertificateStatus.SUSPENDED) {
            throw new RuleViolation("只有被暂扣的执法证才能恢复，当前状态为“" + status.label() + "”。");
        }
        status = CertificateStatus.VALID;
        statusReason = null;
        statusSince = on;
        happened(CertificateEventKind.REINSTATED, on, null);
    }

    void revoke(String reason, LocalDate on) {
        requireNot(CertificateStatus.REVOKED, "该执法证已注销。");
        requireReason(reason, "注销");
        status = CertificateStatus.REVOKED;
        statusReason = reason.strip();
        statusSince = on;
        happened(CertificateEventKind.REVOKED, on, statusReason);
    }

    /** Assigns the officer to another township (or none); {@code description} names both in Chinese. */
    void changeTown(String newTownCode, String description, LocalDate on) {
        requireNot(CertificateStatus.REVOKED, "已注销的执法证不能调整负责乡镇。");
        if (java.util.Objects.equals(newTownCode, townCode)) {
            throw new RuleViolation("负责乡镇没有变化。");
        }
        townCode = newTownCode;
        happened(CertificateEventKind.TOWN_CHANGED, on, description);
    }

    /** Entitled to enforce on {@code date}. */
    public boolean validOn(LocalDate date) {
        return term().validOn(date);
    }

    /** Why not entitled on {@code date} (Chinese), or '' when entitled. */
    public String reasonInvalidOn(LocalDate date) {
        return term().reasonInvalidOn(date);
    }

    CertificateTerm term() {
        return new CertificateTerm(certificateNo, officerName, issuedOn, expiresOn, status, statusReason, statusSince);
    }

    public OfficerSummary summary() {
        return new OfficerSummary(userId, officerName, organizationId, certificateNo, expiresOn, townCode);
    }

    private void happened(CertificateEventKind kind, LocalDate on, String reason) {
        events.add(new CertificateEvent(kind, on, reason, organizationId));
        registerEvent(new CertificateChanged(userId, certificateNo, kind, on, reason));
    }

    private void requireNot(CertificateStatus forbidden, String message) {
        if (status == forbidden) {
            throw new RuleViolation(message);
        }
    }

    private static void requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(action + "执法证须填写原因。");
        }
        if (reason.strip().length() > 200) {
            throw new RuleViolation(action + "原因不能超过 200 个字。");
        }
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public String getOfficerName() { return officerName; }
    public long getOrganizationId() { return organizationId; }
    public String getCertificateNo() { return certificateNo; }
    public String getIssuingAuthority() { return issuingAuthority; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public CertificateStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public LocalDate getStatusSince() { return statusSince; }
    public String getTownCode() { return townCode; }
    public boolean isDemo() { return demo; }
    public int getVersion() { return version; }
    public List<CertificateEvent> getEvents() { return Collections.unmodifiableList(events); }

    /** One entry of the certificate's history, under the certificate's organisation id (issue 18: the distribution key). */
    @Table("certificate_event")
    public record CertificateEvent(CertificateEventKind kind, LocalDate occurredOn, String reason, long organizationId) {
    }
}
