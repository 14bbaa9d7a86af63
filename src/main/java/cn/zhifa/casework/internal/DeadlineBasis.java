package cn.zhifa.casework.internal;

import cn.zhifa.casework.CaseworkRules;
import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.StatutoryPeriod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the computed case deadlines rest on, as a fingerprint stored beside the {@code case_deadline} read model: the
 * statutory periods of {@code law/legal-rules.yml} (only what moves a due day: length, counting, direction, rest days,
 * effective date; a corrected name or citation does not), the calendar's holiday notices and casework's rules (decision
 * period versions, 临期 working days). A release or an administrator changing any of them changes the fingerprint, and every
 * watched case is recomputed.
 */
public final class DeadlineBasis {

    private DeadlineBasis() {
    }

    public static String fingerprint(Collection<StatutoryPeriod> periods, List<HolidayNotice> notices, CaseworkRules rules) {
        return sha256(periods(periods) + "|" + notices + "|" + rules);
    }

    /** The periods in a fixed order, each with the values a due day depends on. */
    static String periods(Collection<StatutoryPeriod> periods) {
        return periods.stream().sorted(Comparator.comparing(StatutoryPeriod::code))
                .map(p -> p.code() + ":" + p.length() + " " + p.counting() + (p.backwards() ? " before" : "")
                        + (p.rollsOverRestDays() ? " rolls" : " keeps") + " from " + p.effectiveFrom())
                .collect(Collectors.joining(";"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
