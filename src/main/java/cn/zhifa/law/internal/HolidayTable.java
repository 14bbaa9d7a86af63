package cn.zhifa.law.internal;

import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.HolidayNoticeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The holiday notices in the database (tables law_holiday_notice and law_holiday_day). */
@Repository
public class HolidayTable implements HolidayNoticeSource {

    private static final Logger log = LoggerFactory.getLogger(HolidayTable.class);

    /** Where a stored notice came from. */
    public enum Origin { RESOURCE, ADMIN }

    /** A stored notice with its provenance. */
    public record StoredNotice(HolidayNotice notice, Origin origin, OffsetDateTime updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    HolidayTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HolidayNotice> notices() {
        return stored().stream().map(StoredNotice::notice).toList();
    }

    @Transactional(readOnly = true)
    public List<StoredNotice> stored() {
        Map<Integer, Set<LocalDate>> rest = new HashMap<>();
        Map<Integer, Set<LocalDate>> work = new HashMap<>();
        jdbc.sql("SELECT year, day, kind FROM law_holiday_day").query(rs -> {
            Map<Integer, Set<LocalDate>> target = "REST".equals(rs.getString("kind")) ? rest : work;
            target.computeIfAbsent(rs.getInt("year"), y -> new HashSet<>()).add(rs.getObject("day", LocalDate.class));
        });
        return jdbc.sql("SELECT year, title, number, published_on, origin, updated_at, updated_by "
                        + "FROM law_holiday_notice ORDER BY year")
                .query((rs, row) -> {
                    int year = rs.getInt("year");
                    HolidayNotice notice = new HolidayNotice(year, rs.getString("title"), rs.getString("number"),
                            rs.getObject("published_on", LocalDate.class), rest.getOrDefault(year, Set.of()),
                            work.getOrDefault(year, Set.of()));
                    return new StoredNotice(notice, Origin.valueOf(rs.getString("origin")),
                            rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
                })
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<StoredNotice> stored(int year) {
        return stored().stream().filter(s -> s.notice().year() == year).findFirst();
    }

    /**
     * Brings the table up to the versioned resource: inserts missing years and updates years that
     * came from the resource when it changed; never overwrites a notice an administrator entered.
     * Idempotent. Returns the years written.
     */
    @Transactional
    public List<Integer> syncFrom(List<HolidayNotice> bundled) {
        Map<Integer, StoredNotice> current = new HashMap<>();
        stored().forEach(s -> current.put(s.notice().year(), s));
        List<Integer> written = new ArrayList<>();
        for (HolidayNotice notice : bundled) {
            StoredNotice existing = current.get(notice.year());
            if (existing == null) {
                insert(notice, Origin.RESOURCE, "system");
                written.add(notice.year());
            } else if (!existing.notice().equals(notice)) {
                if (existing.origin() == Origin.RESOURCE) {
                    delete(notice.year());
                    insert(notice, Origin.RESOURCE, "system");
                    written.add(notice.year());
                } else {
                    log.warn("Holiday notice {} entered by an administrator differs from {}; keeping the administrator's",
                            notice.year(), BundledLawData.HOLIDAYS);
                }
            }
        }
        return written;
    }

    /** Stores (or replaces) the notice of its year as entered by {@code user}. */
    @Transactional
    public void save(HolidayNotice notice, String user) {
        delete(notice.year());
        insert(notice, Origin.ADMIN, user);
    }

    private void delete(int year) {
        jdbc.sql("DELETE FROM law_holiday_day WHERE year = ?").param(year).update();
        jdbc.sql("DELETE FROM law_holiday_notice WHERE year = ?").param(year).update();
    }

    private void insert(HolidayNotice notice, Origin origin, String user) {
        jdbc.sql("INSERT INTO law_holiday_notice (year, title, number, published_on, origin, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(notice.year(), notice.title(), notice.number(), notice.publishedOn(), origin.name(),
                        OffsetDateTime.now(clock), user)
                .update();
        for (LocalDate day : notice.restDays()) {
            jdbc.sql("INSERT INTO law_holiday_day (year, day, kind) VALUES (?, ?, 'REST')").params(notice.year(), day).update();
        }
        for (LocalDate day : notice.makeUpWorkdays()) {
            jdbc.sql("INSERT INTO law_holiday_day (year, day, kind) VALUES (?, ?, 'WORK')").params(notice.year(), day).update();
        }
    }
}
