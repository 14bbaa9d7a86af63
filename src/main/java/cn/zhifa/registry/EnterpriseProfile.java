package cn.zhifa.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything the profile page shows: key data, the form to edit it, the owning unit's name, the change
 * history (newest first) and the timeline that later modules publish into (newest first).
 */
public record EnterpriseProfile(EnterpriseSummary summary, EnterpriseForm form, BigDecimal annualOutputYuan,
                                String organizationName, String townName, Long mergedInto, int version,
                                Instant createdAt, Instant updatedAt, List<EnterpriseChange> history,
                                List<EnterpriseTimelineEntry> timeline, List<AgencyService> agencies) {

    /**
     * The legal representative's phone as the page shows it (136****0001, 059****4321), masked like the export and the
     * change history; the full number is a deliberate, audited read (个人信息查阅). Null when none is kept.
     */
    public String maskedLegalRepresentativePhone() {
        String phone = form.legalRepresentativePhone();
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** A third-party agency currently serving this enterprise (一企双查), with the agency's status. */
    public record AgencyService(long agencyId, String agencyName, String kind, String service, java.time.LocalDate since,
                                AgencyStatus status) {
    }
}
