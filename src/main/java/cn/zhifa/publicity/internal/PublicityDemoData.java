package cn.zhifa.publicity.internal;

import cn.zhifa.law.LegalCalendar;
import cn.zhifa.publicity.Channel;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's decided cases (recorded 待公示 from casework's decision events) published on time on the portal and
 * the supervision platform, older ones also carried to the exchange channels; one published late, one withdrawn after
 * its decision was changed on 复议, and the one decided more than three years ago expired. Dated relative to the day
 * it is loaded; idempotent (nothing is done once a demo publication exists).
 */
@Component
class PublicityDemoData implements DemoDataLoader {

    static final String DEMO_PUBLISHER = "演示数据";

    private final Publications publications;
    private final PublicityPeriods periods;
    private final LegalCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    PublicityDemoData(Publications publications, PublicityPeriods periods, LegalCalendar calendar, JdbcClient jdbc, Clock clock) {
        this.publications = publications;
        this.periods = periods;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    @Transactional
    public void load() {
        if (publications.count("WHERE p.published_by = :demo", Map.of("demo", DEMO_PUBLISHER)) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<Publication> awaiting = new ArrayList<>(publications.query(
                "WHERE p.published_on IS NULL AND p.withdrawn_on IS NULL AND p.case_number IS NOT NULL ORDER BY p.decided_on, p.id", Map.of()));
        if (awaiting.isEmpty()) {
            return;
        }
        Publication late = awaiting.stream()
                .filter(p -> !calendar.addWorkingDays(p.dueOn(), 2).due().isAfter(today))
                .max(Comparator.comparing(Publication::decidedOn).thenComparing(Publication::id)).orElse(null);
        Publication withdrawn = awaiting.stream().filter(p -> p != late && !p.decidedOn().plusMonths(36).isBefore(today))
                .findFirst().orElse(null);
        for (Publication p : awaiting) {
            LocalDate day = p == late ? calendar.addWorkingDays(p.dueOn(), 2).due() : calendar.addWorkingDays(p.decidedOn(), 3).due();
            if (day.isAfter(today)) {
                day = today;
            }
            p.publish(day, Set.of(Channel.SUPERVISION_PLATFORM), DEMO_PUBLISHER, periods.expiresOn(p.decidedOn()));
            LocalDate exchanged = day.plusDays(7);
            if (!exchanged.isAfter(today)) {
                p.carriedTo(Channel.CREDIT_CHINA, exchanged);
                p.carriedTo(Channel.ENTERPRISE_CREDIT, exchanged);
            }
            if (p == withdrawn) {
                LocalDate changed = day.plusDays(50).isAfter(today) ? today : day.plusDays(50);
                LocalDate withdrawnOn = calendar.addWorkingDays(changed, 2).due();
                p.withdraw(withdrawnOn.isAfter(today) ? today : withdrawnOn, changed,
                        "经行政复议，复议机关决定变更罚款数额，原处罚决定信息撤回", DEMO_PUBLISHER, periods.withdrawalDue(changed));
            }
            publications.save(p);
        }
    }

    @Override
    public void purge() {
        List<Long> ids = jdbc.sql("SELECT id FROM penalty_publication WHERE published_by = :demo")
                .param("demo", DEMO_PUBLISHER).query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM publicity_typical_case WHERE publication_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM publication_channel WHERE publication_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM publication_warning WHERE publication_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM penalty_publication WHERE id IN (:ids)").param("ids", ids).update();
    }
}
