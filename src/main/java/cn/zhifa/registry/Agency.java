package cn.zhifa.registry;

import java.time.LocalDate;

/**
 * A third-party safety agency (安全评价/检测检验/培训/咨询机构) with its qualification, its status (with the reason
 * of the last change and, for a suspension, its last day) and the count of enterprises it currently serves.
 */
public record Agency(long id, String name, String uscc, AgencyKind kind, String qualificationNo, String grade,
                     AgencyStatus status, String statusReason, LocalDate suspendedUntil, LocalDate validUntil,
                     long organizationId, int clients) {

    public String statusLabel() {
        return status.label();
    }

    /** The qualification has lapsed on {@code date}. */
    public boolean qualificationExpiredOn(LocalDate date) {
        return validUntil != null && validUntil.isBefore(date);
    }

    /** The qualification lapses within {@code days} days after {@code date} (still valid on it). */
    public boolean qualificationExpiresWithin(LocalDate date, int days) {
        return validUntil != null && !validUntil.isBefore(date) && !validUntil.isAfter(date.plusDays(days));
    }

    /** A suspension with a last day that has passed: the agency waits to be restored (or revoked). */
    public boolean suspensionOverOn(LocalDate date) {
        return status == AgencyStatus.SUSPENDED && suspendedUntil != null && suspendedUntil.isBefore(date);
    }
}
