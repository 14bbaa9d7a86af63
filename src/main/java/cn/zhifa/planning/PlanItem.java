package cn.zhifa.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;

/**
 * One firm in a plan: a key firm (from grading) or a campaign target ({@code campaignCode}), with its planned
 * visits and months, claimed (认领) by a department and optionally an officer. {@code organizationId} is the plan's
 * (the distribution key), set by the plan when the item joins it ({@link #under}); null until then.
 */
@org.springframework.data.relational.core.mapping.Table("planning_plan_item")
public record PlanItem(long enterpriseId, String enterpriseName, Grade grade, int plannedVisits, String months,
                       Long departmentId, Long officerUserId, String campaignCode, @JsonIgnore Long organizationId) {

    /** An item not yet in a plan. */
    public PlanItem(long enterpriseId, String enterpriseName, Grade grade, int plannedVisits, String months,
                    Long departmentId, Long officerUserId, String campaignCode) {
        this(enterpriseId, enterpriseName, grade, plannedVisits, months, departmentId, officerUserId, campaignCode, null);
    }

    /** The item in the plan of {@code organizationId}. */
    PlanItem under(long organizationId) {
        return this.organizationId != null && this.organizationId == organizationId ? this
                : new PlanItem(enterpriseId, enterpriseName, grade, plannedVisits, months, departmentId, officerUserId,
                campaignCode, organizationId);
    }

    public List<Integer> monthList() {
        if (months == null || months.isBlank()) {
            return List.of();
        }
        return Arrays.stream(months.split(",")).map(String::strip).filter(m -> !m.isEmpty()).map(Integer::valueOf).toList();
    }

    PlanItem claimedBy(Long departmentId, Long officerUserId) {
        return new PlanItem(enterpriseId, enterpriseName, grade, plannedVisits, months, departmentId, officerUserId, campaignCode,
                organizationId);
    }

    PlanItem withVisits(int visits, String months) {
        return new PlanItem(enterpriseId, enterpriseName, grade, visits, months, departmentId, officerUserId, campaignCode,
                organizationId);
    }

    /** Spreads {@code visits} over the year: 1 → June, 2 → March and September, 4 → quarterly … */
    public static String spread(int visits) {
        if (visits <= 0) {
            return "";
        }
        StringBuilder months = new StringBuilder();
        for (int i = 0; i < visits; i++) {
            int month = (int) Math.round((i + 0.5) * 12.0 / visits);
            months.append(i == 0 ? "" : ",").append(Math.min(12, Math.max(1, month)));
        }
        return months.toString();
    }
}
