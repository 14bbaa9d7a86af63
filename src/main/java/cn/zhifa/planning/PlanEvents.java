package cn.zhifa.planning;

/** Events of the annual plan. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public record PlanApproved(long planId, long organizationId, int year) {
    }

    public record PlanPublished(long planId, long organizationId, int year, int keyFirms, int plannedVisits) {
    }

    public record PlanAmended(long planId, int number, String reason) {
    }
}
