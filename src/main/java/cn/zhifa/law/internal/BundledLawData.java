package cn.zhifa.law.internal;

import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.StatutoryHolidays;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the module's versioned resources {@code law/legal-rules.yml} and {@code law/holidays.yml}
 * with Spring Boot's own YAML binding, so code outside a Spring context (plain unit tests, other
 * modules' domain tests) sees exactly what the application binds.
 */
public final class BundledLawData {

    public static final String LEGAL_RULES = "law/legal-rules.yml";
    public static final String HOLIDAYS = "law/holidays.yml";

    private static volatile LawProperties properties;
    private static volatile HolidayData holidays;

    private BundledLawData() {
    }

    public static LawProperties properties() {
        if (properties == null) {
            properties = binder(LEGAL_RULES).bind("zhifa.law", Bindable.of(LawProperties.class))
                    .orElseThrow(() -> new IllegalStateException(LEGAL_RULES + " has no zhifa.law section"));
        }
        return properties;
    }

    public static List<HolidayNotice> holidayNotices() {
        return holidayData().toNotices();
    }

    public static StatutoryHolidays statutoryHolidays() {
        return holidayData().toStatutoryHolidays();
    }

    static HolidayData holidayData() {
        if (holidays == null) {
            holidays = binder(HOLIDAYS).bind("", Bindable.of(HolidayData.class))
                    .orElseThrow(() -> new IllegalStateException(HOLIDAYS + " is empty"));
        }
        return holidays;
    }

    private static Binder binder(String resource) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource));
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
            sources.forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment), null,
                    ApplicationConversionService.getSharedInstance());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The shape of {@code law/holidays.yml}. */
    record HolidayData(List<Notice> notices, Statutory statutory) {

        List<HolidayNotice> toNotices() {
            return notices.stream().map(Notice::toNotice).toList();
        }

        StatutoryHolidays toStatutoryHolidays() {
            List<StatutoryHolidays.Revision> revisions = statutory.revisions().stream()
                    .map(r -> new StatutoryHolidays.Revision(r.name(), r.effectiveFrom(), r.holidays().stream()
                            .map(h -> new StatutoryHolidays.Holiday(h.name(),
                                    h.monthDay() == null ? null : MonthDay.parse("--" + h.monthDay()),
                                    h.festival(), h.offsetDays() == null ? 0 : h.offsetDays(), h.days()))
                            .toList()))
                    .toList();
            Map<Integer, Map<StatutoryHolidays.Festival, LocalDate>> dates = new HashMap<>();
            statutory.festivalDates().forEach((year, row) -> {
                Map<StatutoryHolidays.Festival, LocalDate> byFestival = new EnumMap<>(StatutoryHolidays.Festival.class);
                byFestival.put(StatutoryHolidays.Festival.SPRING_FESTIVAL, row.springFestival());
                byFestival.put(StatutoryHolidays.Festival.QINGMING, row.qingming());
                byFestival.put(StatutoryHolidays.Festival.DRAGON_BOAT, row.dragonBoat());
                byFestival.put(StatutoryHolidays.Festival.MID_AUTUMN, row.midAutumn());
                dates.put(year, byFestival);
            });
            return new StatutoryHolidays(statutory.law(), revisions, dates);
        }
    }

    record Notice(int year, String title, String number, LocalDate publishedOn, List<String> rest, List<String> work) {

        HolidayNotice toNotice() {
            return new HolidayNotice(year, title, number, publishedOn, DateRanges.expand(rest),
                    DateRanges.expand(work == null ? List.of() : work));
        }
    }

    record Statutory(String law, List<StatutoryRevision> revisions, Map<Integer, FestivalDates> festivalDates) {
    }

    record StatutoryRevision(String name, LocalDate effectiveFrom, List<StatutoryHoliday> holidays) {
    }

    record StatutoryHoliday(String name, String monthDay, StatutoryHolidays.Festival festival, Integer offsetDays,
                            int days) {
    }

    record FestivalDates(LocalDate springFestival, LocalDate qingming, LocalDate dragonBoat, LocalDate midAutumn) {
    }

    /** "2026-02-15..2026-02-23" ranges (both ends included) and single dates. */
    public static final class DateRanges {

        private DateRanges() {
        }

        public static Set<LocalDate> expand(List<String> items) {
            Set<LocalDate> days = new LinkedHashSet<>();
            for (String item : items) {
                String text = item.strip();
                int separator = text.indexOf("..");
                LocalDate first = LocalDate.parse(separator < 0 ? text : text.substring(0, separator).strip());
                LocalDate last = separator < 0 ? first : LocalDate.parse(text.substring(separator + 2).strip());
                if (last.isBefore(first) || last.toEpochDay() - first.toEpochDay() > 31) {
                    throw new IllegalArgumentException("日期范围“" + text + "”无效（结束日早于开始日或超过31天）");
                }
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    days.add(day);
                }
            }
            return days;
        }

        /** The inverse of {@link #expand}: consecutive days joined into ranges. */
        public static List<String> compact(Set<LocalDate> days) {
            List<String> ranges = new ArrayList<>();
            LocalDate start = null;
            LocalDate previous = null;
            for (LocalDate day : new java.util.TreeSet<>(days)) {
                if (previous != null && day.equals(previous.plusDays(1))) {
                    previous = day;
                    continue;
                }
                if (start != null) {
                    ranges.add(start.equals(previous) ? start.toString() : start + ".." + previous);
                }
                start = day;
                previous = day;
            }
            if (start != null) {
                ranges.add(start.equals(previous) ? start.toString() : start + ".." + previous);
            }
            return ranges;
        }
    }
}
