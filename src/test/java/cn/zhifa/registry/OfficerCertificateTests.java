package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 行政执法证 lifecycle on the aggregate (no database). */
class OfficerCertificateTests {

    private static final LocalDate ISSUED = LocalDate.of(2024, 3, 1);
    private static final LocalDate EXPIRES = LocalDate.of(2029, 2, 28);

    private static OfficerCertificate certificate() {
        return OfficerCertificate.issue(7L, "张伟", 3L, "139900001", "示例市人民政府", ISSUED, EXPIRES, null, false, Instant.EPOCH);
    }

    @Test
    void a_certificate_entitles_its_holder_only_between_issue_and_expiry() {
        OfficerCertificate certificate = certificate();
        assertThat(certificate.validOn(ISSUED)).isTrue();
        assertThat(certificate.validOn(EXPIRES)).isTrue();
        assertThat(certificate.validOn(ISSUED.minusDays(1))).isFalse();
        assertThat(certificate.reasonInvalidOn(EXPIRES.plusDays(1))).contains("已于 2029-02-28 过期");
    }

    @Test
    void an_expiry_before_the_issue_date_is_refused() {
        assertThatThrownBy(() -> OfficerCertificate.issue(7L, "张伟", 3L, "139900002", "示例市人民政府", ISSUED, ISSUED.minusDays(1),
                null, false, Instant.EPOCH)).isInstanceOf(RuleViolation.class).hasMessage("有效期截止日期必须晚于发证日期。");
    }

    @Test
    void a_suspended_certificate_stops_enforcement_from_that_day_until_reinstated() {
        OfficerCertificate certificate = certificate();
        LocalDate suspended = LocalDate.of(2025, 6, 1);
        certificate.suspend("涉嫌违规执法", suspended);
        assertThat(certificate.validOn(suspended.minusDays(1))).isTrue();
        assertThat(certificate.validOn(suspended)).isFalse();
        assertThat(certificate.reasonInvalidOn(suspended)).contains("暂扣", "涉嫌违规执法");
        assertThatThrownBy(() -> certificate.suspend("再次", suspended)).hasMessageContaining("只有有效的执法证才能暂扣");
        certificate.reinstate(suspended.plusDays(10));
        assertThat(certificate.validOn(suspended.plusDays(10))).isTrue();
        assertThat(certificate.getEvents()).extracting(OfficerCertificate.CertificateEvent::kind)
                .containsExactly(CertificateEventKind.ISSUED, CertificateEventKind.SUSPENDED, CertificateEventKind.REINSTATED);
    }

    @Test
    void a_revoked_certificate_is_final_and_needs_a_reason() {
        OfficerCertificate certificate = certificate();
        assertThatThrownBy(() -> certificate.revoke(" ", LocalDate.of(2025, 1, 1))).hasMessage("注销执法证须填写原因。");
        certificate.revoke("退休", LocalDate.of(2025, 1, 1));
        assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(certificate.validOn(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(certificate.validOn(LocalDate.of(2025, 1, 1))).isFalse();
        assertThatThrownBy(() -> certificate.renew(LocalDate.of(2030, 1, 1), LocalDate.of(2025, 2, 1))).hasMessageContaining("已注销的执法证不能换证延期");
        assertThatThrownBy(() -> certificate.reinstate(LocalDate.of(2025, 2, 1))).hasMessageContaining("只有被暂扣的执法证才能恢复");
    }

    @Test
    void a_renewal_must_move_the_expiry_later() {
        OfficerCertificate certificate = certificate();
        assertThatThrownBy(() -> certificate.renew(EXPIRES, LocalDate.of(2029, 1, 1))).hasMessageContaining("必须晚于原截止日期");
        certificate.renew(EXPIRES.plusYears(5), LocalDate.of(2029, 1, 1));
        assertThat(certificate.validOn(EXPIRES.plusYears(1))).isTrue();
    }

    @Test
    void a_change_of_township_is_kept_in_the_history_and_refused_once_revoked() {
        OfficerCertificate certificate = certificate();
        certificate.changeTown("139902001", "未指定 → 东城街道（139902001）", LocalDate.of(2025, 1, 2));
        assertThat(certificate.getTownCode()).isEqualTo("139902001");
        assertThat(certificate.getEvents()).last().extracting(OfficerCertificate.CertificateEvent::kind)
                .isEqualTo(CertificateEventKind.TOWN_CHANGED);
        assertThatThrownBy(() -> certificate.changeTown("139902001", "同一乡镇", LocalDate.of(2025, 1, 3)))
                .hasMessage("负责乡镇没有变化。");
        certificate.revoke("调离执法岗位", LocalDate.of(2025, 2, 1));
        assertThatThrownBy(() -> certificate.changeTown(null, "东城街道 → 未指定", LocalDate.of(2025, 2, 2)))
                .hasMessage("已注销的执法证不能调整负责乡镇。");
        assertThat(certificate.getTownCode()).isEqualTo("139902001");
    }
}
