package cn.zhifa.law;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》, per revision, used for years whose official
 * holiday notice is not loaded. Lunar festivals and 清明 come from a table of their Gregorian dates;
 * for a year outside that table only the fixed-date holidays can be known.
 */
public final class StatutoryHolidays {

    /** The festivals whose Gregorian date moves from year to year. */
    public enum Festival { SPRING_FESTIVAL, QINGMING, DRAGON_BOAT, MID_AUTUMN }

    /**
     * One holiday of a revision: either on a fixed {@code monthDay} or relative to a {@code festival}
     * ({@code offsetDays} from it), lasting {@code days} days.
     */
    public record Holiday(String name, MonthDay monthDay, Festival festival, int offsetDays, int days) {
        public Holiday {
            Objects.requireNonNull(name, "name");
            if ((monthDay == null) == (festival == null)) {
                throw new IllegalArgumentException("holiday " + name + " needs exactly one of month-day or festival");
            }
            if (days < 1) {
                throw new IllegalArgumentException("holiday " + name + " needs at least one day");
            }
        }
    }

    /** A revision of the measures in force from {@code effectiveFrom}. */
    public record Revision(String name, LocalDate effectiveFrom, List<Holiday> holidays) {
        public Revision {
            holidays = List.copyOf(holidays);
        }
    }

    private final String law;
    private final List<Revision> revisions;
    private final Map<Integer, Map<Festival, LocalDate>> festivalDates;

    public StatutoryHolidays(String law, List<Revision> revisions, Map<Integer, Map<Festival, LocalDate>> festivalDates) {
        this.law = Objects.requireNonNull(law, "law");
        this.revisions = revisions.stream().sorted(Comparator.comparing(Revision::effectiveFrom)).toList();
        this.festivalDates = Map.copyOf(festivalDates);
        if (this.revisions.isEmpty()) {
            throw new IllegalArgumentException("at least one revision of " + law + " is needed");
        }
    }

    /** The measures' title, e.g. 《全国年节及纪念日放假办法》. */
    public String law() {
        return law;
    }

    /** True when the lunar festivals and 清明 of {@code year} are known. */
    public boolean festivalDatesKnown(int year) {
        return festivalDates.containsKey(year);
    }

    /** The revision in force on 1 January of {@code year} (the earliest one for older years). */
    public Revision revisionFor(int year) {
        LocalDate newYear = LocalDate.of(year, 1, 1);
        Revision found = revisions.get(0);
        for (Revision revision : revisions) {
            if (!revision.effectiveFrom().isAfter(newYear)) {
                found = revision;
            }
        }
        return found;
    }

    /** The statutory days off of {@code year}, with the holiday's name; lunar ones only when known. */
    public Map<LocalDate, String> daysOff(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : revisionFor(year).holidays()) {
            start(holiday, year).ifPresent(first -> {
                for (int i = 0; i < holiday.days(); i++) {
                    days.merge(first.plusDays(i), holiday.name(), (a, b) -> a + "、" + b);
                }
            });
        }
        return days;
    }

    private Optional<LocalDate> start(Holiday holiday, int year) {
        if (holiday.monthDay() != null) {
            return Optional.of(holiday.monthDay().atYear(year));
        }
        return Optional.ofNullable(festivalDates.get(year))
                .map(dates -> dates.get(holiday.festival()))
                .map(date -> date.plusDays(holiday.offsetDays()));
    }
}
