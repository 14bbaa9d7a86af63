package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The agency's status transitions and qualification dates (no database). */
class AgencyStatusTests {

    @Test
    void an_active_agency_is_suspended_restored_and_revoked_for_good() {
        assertThat(AgencyStatus.ACTIVE.suspend()).isEqualTo(AgencyStatus.SUSPENDED);
        assertThat(AgencyStatus.SUSPENDED.restore()).isEqualTo(AgencyStatus.ACTIVE);
        assertThat(AgencyStatus.SUSPENDED.revoke()).isEqualTo(AgencyStatus.REVOKED);
        assertThatThrownBy(AgencyStatus.REVOKED::restore).isInstanceOf(RuleViolation.class).hasMessageContaining("当前状态为“撤销”");
        assertThatThrownBy(AgencyStatus.SUSPENDED::suspend).hasMessageContaining("只有状态正常的机构才能暂停");
        assertThatThrownBy(AgencyStatus.ACTIVE::restore).hasMessageContaining("只有被暂停的机构才能恢复");
        assertThatThrownBy(AgencyStatus.REVOKED::revoke).hasMessage("该机构已撤销。");
    }

    @Test
    void only_an_active_agency_takes_on_new_clients() {
        assertThat(AgencyStatus.ACTIVE.mayServe()).isTrue();
        assertThat(AgencyStatus.SUSPENDED.mayServe()).isFalse();
        assertThat(AgencyStatus.REVOKED.mayServe()).isFalse();
    }

    @Test
    void a_qualification_warns_within_the_period_and_lapses_after_its_last_day() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        Agency agency = new Agency(1, "示例", "x", AgencyKind.TESTING, "Q1", "甲级", AgencyStatus.ACTIVE, null, null,
                LocalDate.of(2026, 3, 31), 1, 0);
        assertThat(agency.qualificationExpiresWithin(today, 30)).isTrue();
        assertThat(agency.qualificationExpiresWithin(today, 29)).isFalse();
        assertThat(agency.qualificationExpiredOn(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(agency.qualificationExpiredOn(LocalDate.of(2026, 4, 1))).isTrue();
    }

    @Test
    void a_suspension_whose_last_day_has_passed_waits_to_be_restored() {
        LocalDate until = LocalDate.of(2026, 6, 30);
        Agency suspended = new Agency(1, "示例", "x", AgencyKind.TRAINING, "Q1", "一级", AgencyStatus.SUSPENDED, "责令暂停培训", until,
                null, 1, 0);
        assertThat(suspended.suspensionOverOn(until)).isFalse();
        assertThat(suspended.suspensionOverOn(until.plusDays(1))).isTrue();
    }
}
