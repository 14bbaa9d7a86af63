package cn.zhifa.planning;

import cn.zhifa.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionPlanTests {

    static final Instant NOW = Instant.parse("2026-01-10T02:00:00Z");

    static InspectionPlan draftWithOneFirm() {
        InspectionPlan plan = InspectionPlan.draft(100, 1, 2026, "2026年度安全生产监督检查计划", new BigDecimal("5"), NOW);
        plan.replaceKeyFirms(List.of(new PlanItem(7, "甲化工", Grade.A, 2, "3,9", null, null, null)));
        return plan;
    }

    static InspectionPlan published() {
        InspectionPlan plan = draftWithOneFirm();
        plan.deliberate(LocalDate.of(2026, 1, 12), "局党委会议审议通过");
        plan.approve(5, "李局长", NOW);
        plan.file("示例市应急管理局", NOW);
        plan.publish(NOW);
        return plan;
    }

    @Test
    void every_item_carries_the_plans_organisation_whichever_way_it_joined() {
        InspectionPlan plan = InspectionPlan.draft(100, 42, 2026, "计划", new BigDecimal("5"), NOW);
        plan.replaceKeyFirms(List.of(new PlanItem(7, "甲化工", Grade.A, 2, "3,9", null, null, null)));
        plan.addCampaign(new Campaign("ZX-1", CampaignKind.CUSTOM, "专项", "依据", 1, null, null), List.of(new PlanItem(8, "乙工贸", Grade.B, 1, "", null, null, "ZX-1")));
        plan.claim(7, 3L, null);
        assertThat(plan.getItems()).extracting(PlanItem::organizationId).containsExactly(42L, 42L);
        InspectionPlan stored = new InspectionPlan(100L, 42, 2026, "计划", PlanStatus.PUBLISHED, BigDecimal.ONE, 0, null, null,
                null, null, null, null, null, null, List.of(new PlanItem(7, "甲化工", Grade.A, 2, "3,9", null, null, null)),
                List.of(), List.of(), 1, NOW);
        stored.amendAdd(new PlanItem(9, "丙矿业", Grade.C, 1, "6", null, null, null), "新增", "李局长", NOW);
        stored.amendVisits(7, 3, null, "调整", "李局长", NOW);
        assertThat(stored.getItems()).extracting(PlanItem::organizationId).containsExactly(42L, 42L);
    }

    @Test
    void a_plan_goes_through_deliberation_approval_filing_and_publication() {
        InspectionPlan plan = published();
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(plan.plannedVisits()).isEqualTo(2);
        assertThat(plan.frozen()).isTrue();
    }

    @Test
    void approval_needs_a_deliberation_first_and_cannot_happen_twice() {
        InspectionPlan plan = draftWithOneFirm();
        assertThatThrownBy(() -> plan.approve(5, "李局长", NOW)).hasMessageContaining("须经集体审议");
        plan.deliberate(LocalDate.of(2026, 1, 12), "会议记录");
        plan.approve(5, "李局长", NOW);
        assertThatThrownBy(() -> plan.approve(5, "李局长", NOW)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不能重复批准");
    }

    @Test
    void a_deliberation_needs_a_meeting_record() {
        assertThatThrownBy(() -> draftWithOneFirm().deliberate(LocalDate.of(2026, 1, 12), " "))
                .hasMessageContaining("会议记录");
    }

    @Test
    void a_published_plan_is_frozen_and_changes_only_by_numbered_amendments_with_a_reason() {
        InspectionPlan plan = published();
        assertThatThrownBy(() -> plan.claim(7, 3L, null)).hasMessageContaining("已公开并冻结");
        assertThatThrownBy(() -> plan.amendVisits(7, 3, null, "  ", "李局长", NOW)).hasMessageContaining("必须填写理由");
        assertThat(plan.keyFirm(7).orElseThrow().plannedVisits()).isEqualTo(2);
        Amendment first = plan.amendVisits(7, 3, null, "发生投诉，增加检查", "李局长", NOW);
        Amendment second = plan.amendAdd(new PlanItem(8, "乙工贸", Grade.B, 1, "6", null, null, null), "新增重大危险源", "李局长", NOW);
        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(plan.keyFirm(7).orElseThrow().months()).isEqualTo("2,6,10");
    }

    @Test
    void a_draft_cannot_be_amended_and_a_plan_under_approval_cannot_be_edited() {
        InspectionPlan plan = draftWithOneFirm();
        assertThatThrownBy(() -> plan.amendVisits(7, 1, null, "理由", "x", NOW)).hasMessageContaining("尚未公开");
        plan.deliberate(LocalDate.of(2026, 1, 12), "会议记录");
        assertThatThrownBy(() -> plan.setRandomQuota(BigDecimal.TEN, 10)).hasMessageContaining("不能修改");
    }
}
