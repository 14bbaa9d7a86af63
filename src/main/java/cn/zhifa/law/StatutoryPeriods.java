package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import cn.zhifa.law.internal.LawProperties;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The statutory periods of {@code law/legal-rules.yml}, computed on the {@link LegalCalendar}. */
public final class StatutoryPeriods {

    private final Map<PeriodCode, StatutoryPeriod> periods = new EnumMap<>(PeriodCode.class);
    private final LegalCalendar calendar;

    public StatutoryPeriods(Collection<StatutoryPeriod> periods, LegalCalendar calendar) {
        periods.forEach(period -> this.periods.put(period.code(), period));
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        for (PeriodCode code : PeriodCode.values()) {
            if (!this.periods.containsKey(code)) {
                throw new IllegalStateException("statutory period " + code + " is not configured (law/legal-rules.yml)");
            }
        }
    }

    /** The periods shipped in {@code law/legal-rules.yml}, on {@code calendar}. */
    public static StatutoryPeriods bundled(LegalCalendar calendar) {
        return from(BundledLawData.properties(), calendar);
    }

    /** The periods of bound configuration, on {@code calendar}. */
    public static StatutoryPeriods from(LawProperties properties, LegalCalendar calendar) {
        return new StatutoryPeriods(properties.periods().entrySet().stream()
                .map(entry -> {
                    LawProperties.Period p = entry.getValue();
                    if (p.rollsOverRestDays() == null) {
                        throw new IllegalStateException("statutory period " + entry.getKey()
                                + " must say whether it rolls over rest days (rolls-over-rest-days, law/legal-rules.yml)");
                    }
                    return new StatutoryPeriod(entry.getKey(), p.name(), p.length(), p.counting(),
                            p.direction() == LawProperties.Direction.BEFORE, p.source(), p.effectiveFrom(),
                            p.confirmed(), p.rollsOverRestDays());
                })
                .toList(), calendar);
    }

    public StatutoryPeriod period(PeriodCode code) {
        return periods.get(code);
    }

    public Collection<StatutoryPeriod> all() {
        return periods.values();
    }

    /**
     * The deadline of {@code code} counted from {@code start} (the start day itself not counted); for a
     * backwards period ({@link StatutoryPeriod#backwards()}) the last day the act may happen before {@code start}.
     */
    /**
     * The source as printed beside a deadline: without the maintainers' notes in brackets ("新文本待核" …), which the
     * ADMIN law page lists for the unconfirmed periods.
     */
    public static String citation(String source) {
        return source == null ? "" : source.replaceAll("（[^（）]*待核[^（）]*）", "").strip();
    }

    public Deadline due(PeriodCode code, LocalDate start) {
        StatutoryPeriod period = period(code);
        Deadline deadline = switch (period.counting()) {
            case WORKING_DAYS -> period.backwards()
                    ? calendar.subtractWorkingDays(start, period.length())
                    : calendar.addWorkingDays(start, period.length());
            case CALENDAR_DAYS -> calendar.addCalendarDays(start, period.length(), period.restDays());
            case MONTHS -> calendar.addMonths(start, period.length(), period.restDays());
        };
        String law = "【" + period.name() + "：" + period.lengthLabel() + "，依据" + citation(period.source())
                + (period.confirmed() ? "" : "，按本地规定配置") + "】";
        return new Deadline(deadline.from(), deadline.length(), deadline.counting(), deadline.due(),
                deadline.provisional(), law + deadline.basis());
    }
}
