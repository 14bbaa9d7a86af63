package cn.zhifa.township.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.township.internal.SafetyStaffRegister.StaffView;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 专职安全员's term and a lead's one-way handling, on fixed dates. */
class SafetyStaffRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static StaffView staff(LocalDate from, LocalDate to, StaffStatus status, LocalDate endedOn) {
        return new StaffView(1, 2, "东华街道", "王建军", "13907550101", AreaKind.COMMUNITY, "东华社区", from, to, status,
                endedOn, status == StaffStatus.ENDED ? "工作调整" : null, 0, 0, BigDecimal.ZERO, TODAY);
    }

    @Test
    void a_member_of_staff_assists_only_within_the_term_and_not_after_leaving() {
        StaffView open = staff(LocalDate.of(2025, 1, 1), null, StaffStatus.ACTIVE, null);
        assertThat(open.servesOn(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(open.servesOn(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(open.servesOn(TODAY)).isTrue();

        StaffView left = staff(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), StaffStatus.ENDED, LocalDate.of(2026, 3, 1));
        assertThat(left.servesOn(LocalDate.of(2026, 3, 1))).as("a visit on the last day is still recorded").isTrue();
        assertThat(left.servesOn(LocalDate.of(2026, 3, 2))).isFalse();
        assertThat(left.statusLabel()).isEqualTo("已离任");
    }

    @Test
    void a_term_that_ran_out_without_an_end_reads_as_expired() {
        assertThat(staff(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), StaffStatus.ACTIVE, null).statusLabel())
                .isEqualTo("任期已满");
        assertThat(staff(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), StaffStatus.ACTIVE, null).statusLabel())
                .isEqualTo("在岗");
        assertThat(staff(LocalDate.of(2025, 1, 1), null, StaffStatus.ACTIVE, null).term()).isEqualTo("2025年1月1日起");
    }

    @Test
    void the_phone_is_masked_to_its_first_three_and_last_four_digits() {
        assertThat(SafetyStaffRegister.mask("13907550101")).isEqualTo("139****0101");
        assertThat(SafetyStaffRegister.mask("0755-83001234")).isEqualTo("075****1234");
        assertThat(SafetyStaffRegister.mask("12345")).isEqualTo("****");
    }

    @Test
    void only_an_open_lead_may_be_turned_into_a_task_or_closed() {
        assertThat(LeadStatus.OPEN.mayHandle().allowed()).isTrue();
        assertThat(LeadStatus.INSPECTION.mayHandle().reason()).isEqualTo("该线索已转为检查任务，不能再处理。");
        assertThat(LeadStatus.CLOSED.mayHandle().reason()).isEqualTo("该线索已关闭，不能再处理。");
    }
}
