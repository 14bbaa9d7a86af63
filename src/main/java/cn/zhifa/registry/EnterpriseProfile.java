package cn.zhifa.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return masked(form.legalRepresentativePhone());
    }

    /**
     * The phones and the 法定代表人身份证号 kept for the firm, masked, by the form's field name (legalRepresentativeId,
     * legalRepresentativePhone, principalPhone, safetyPhone): the edit form shows them as hints instead of the numbers.
     * A number not kept is absent.
     */
    public Map<String, String> maskedPersonalNumbers() {
        Map<String, String> numbers = new LinkedHashMap<>();
        // an ID number that does not parse (kept from an old import) is masked as a phone is
        Optional.ofNullable(form.legalRepresentativeId()).filter(id -> !id.isBlank()).ifPresent(id -> numbers.put(
                "legalRepresentativeId", cn.zhifa.law.IdNumber.parse(id).parsed().map(cn.zhifa.law.IdNumber::masked)
                        .orElseGet(() -> masked(id))));
        Optional.ofNullable(masked(form.legalRepresentativePhone())).ifPresent(p -> numbers.put("legalRepresentativePhone", p));
        Optional.ofNullable(masked(form.principalPhone())).ifPresent(p -> numbers.put("principalPhone", p));
        Optional.ofNullable(masked(form.safetyPhone())).ifPresent(p -> numbers.put("safetyPhone", p));
        return numbers;
    }

    /** 13600000001 → 136****0001, 0591-87654321 → 059****4321; null when there is no phone. */
    static String masked(String phone) {
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
