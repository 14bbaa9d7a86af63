package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HazardLifecycleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2026, 11, 30);
    static final long FINDER = 1;
    static final long SECOND = 2;

    static Hazard found(HazardLevel level) {
        Hazard hazard = Hazard.found(new Hazard.Finding(10, 20, "示例化工有限公司", 5L, 5L, "GM-3-2", HazardSource.INSPECTION,
                level, "GM-3-2", "二车间", "特种作业人员无证上岗", "判定标准第三条", FINDER, TODAY), DEADLINE, null,
                List.of(100L), NOW, false);
        org.springframework.test.util.ReflectionTestUtils.setField(hazard, "id", 7L);
        return hazard;
    }

    @Test
    void a_found_hazard_needs_a_deadline_or_immediate_measures() {
        assertThatThrownBy(() -> Hazard.found(new Hazard.Finding(10, 20, "企业", null, null, null, HazardSource.FREE,
                HazardLevel.GENERAL, null, null, "描述", null, FINDER, TODAY), null, " ", List.of(), NOW, false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("整改期限");
        assertThat(found(HazardLevel.GENERAL).getStatus()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(found(HazardLevel.GENERAL).getMeasure()).isEqualTo(Measure.ORDER);
    }

    @Test
    void the_rectification_report_needs_evidence() {
        Hazard hazard = found(HazardLevel.GENERAL);
        assertThatThrownBy(() -> hazard.reportRectification("已整改", List.of(), "企业", NOW))
                .hasMessageContaining("证据");
        hazard.reportRectification("已整改", List.of(200L), "企业", NOW);
        assertThat(hazard.getStatus()).isEqualTo(HazardStatus.RECTIFICATION_REPORTED);
    }

    @Test
    void reinspection_waits_for_the_report_or_the_deadline() {
        Hazard hazard = found(HazardLevel.GENERAL);
        assertThatThrownBy(() -> hazard.reinspect(true, "合格", null, List.of(), FINDER, NOW, TODAY))
                .hasMessageContaining("暂不能复查");
        hazard.reinspect(false, "逾期未整改", DEADLINE.plusDays(10), List.of(), FINDER, NOW, DEADLINE.plusDays(1));
        assertThat(hazard.getStatus()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(hazard.getDeadline()).isEqualTo(DEADLINE.plusDays(10));
    }

    @Test
    void closing_needs_a_passed_reinspection_evidence_and_a_second_officer() {
        Hazard hazard = found(HazardLevel.MAJOR);
        assertThatThrownBy(() -> hazard.close(SECOND, NOW, TODAY)).hasMessageContaining("复查合格");
        hazard.reportRectification("已取证上岗", List.of(200L), "企业", NOW);
        hazard.reinspect(true, "整改到位", null, List.of(), FINDER, NOW, TODAY);
        assertThatThrownBy(() -> hazard.close(FINDER, NOW, TODAY)).hasMessageContaining("另一名执法人员");
        hazard.close(SECOND, NOW, TODAY);
        assertThat(hazard.getStatus()).isEqualTo(HazardStatus.CLOSED);
        assertThat(hazard.getClosedBy()).isEqualTo(SECOND);
    }

    @Test
    void closing_without_any_rectification_evidence_is_refused() {
        Hazard hazard = Hazard.found(new Hazard.Finding(10, 20, "企业", null, null, null, HazardSource.FREE,
                HazardLevel.GENERAL, null, null, "描述", null, FINDER, TODAY), null, "立即停止作业", List.of(100L), NOW, false);
        hazard.reinspect(true, "已停止", null, List.of(), FINDER, NOW, TODAY);
        assertThatThrownBy(() -> hazard.close(SECOND, NOW, TODAY)).hasMessageContaining("证据");
    }

    @Test
    void a_hazard_is_overdue_from_the_day_after_its_deadline() {
        Hazard hazard = found(HazardLevel.MAJOR);
        assertThat(hazard.overdueOn(DEADLINE)).as("not overdue on the deadline day").isFalse();
        assertThat(hazard.overdueOn(DEADLINE.plusDays(1))).isTrue();
        assertThat(hazard.overdueOn(DEADLINE.plusDays(2))).isTrue();
    }

    @Test
    void only_major_hazards_are_supervised_and_all_five_measures_are_required() {
        assertThatThrownBy(() -> found(HazardLevel.GENERAL).supervise("王厂长", "措施", BigDecimal.TEN, DEADLINE, "预案", 3, NOW, TODAY))
                .hasMessageContaining("重大事故隐患");
        Hazard major = found(HazardLevel.MAJOR);
        assertThatThrownBy(() -> major.supervise("王厂长", "措施", null, DEADLINE, "预案", 3, NOW, TODAY))
                .hasMessageContaining("五落实");
        major.supervise("王厂长", "更换持证焊工", new BigDecimal("50000"), DEADLINE, "专项应急预案", 3, NOW, TODAY);
        assertThat(major.isSupervised()).isTrue();
        assertThat(major.getFunds()).isEqualByComparingTo("50000.00");
    }

    @Test
    void an_approved_extension_moves_the_deadline_and_a_new_overdue_event_follows_it() {
        Hazard hazard = found(HazardLevel.GENERAL);
        assertThatThrownBy(() -> hazard.requestExtension(DEADLINE, "设备未到", "企业", NOW)).hasMessageContaining("晚于");
        hazard.requestExtension(DEADLINE.plusDays(14), "设备未到", "企业", NOW);
        assertThatThrownBy(() -> hazard.requestExtension(DEADLINE.plusDays(20), "再延", "企业", NOW))
                .hasMessageContaining("待审批");
        hazard.decideExtension(true, 9, NOW);
        assertThat(hazard.getDeadline()).isEqualTo(DEADLINE.plusDays(14));
        assertThat(hazard.overdueOn(DEADLINE.plusDays(1))).isFalse();
    }
}
