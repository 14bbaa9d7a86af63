package cn.zhifa.registry.internal;

import cn.zhifa.registry.EnforcementActRecorded;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import cn.zhifa.registry.EnforcementVisitRecorded;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what later modules publish: enforcement acts (for the participation rate) and timeline entries (for
 * the enterprise profile). Both are idempotent, so a republished event is stored once.
 */
@Component
class EnforcementActs {

    /** Acts written by one statement (5 parameters each). */
    private static final int ROWS = 500;

    private final JdbcClient jdbc;

    EnforcementActs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The acts and the timeline entry of one visit, in the one transaction of its delivery. */
    @ApplicationModuleListener
    void on(EnforcementVisitRecorded visit) {
        store(visit.acts());
        if (visit.timelineEntry() != null) {
            on(visit.timelineEntry());
        }
    }

    @ApplicationModuleListener
    void on(EnforcementActRecorded act) {
        store(List.of(act));
    }

    /**
     * The acts in one statement per {@value #ROWS}: each with its firm's organisation id (issue 18: the distribution
     * key), or the acting unit's when the act names no registered firm (a case against a person); an act with neither
     * is not kept.
     */
    private void store(List<EnforcementActRecorded> acts) {
        for (int from = 0; from < acts.size(); from += ROWS) {
            List<EnforcementActRecorded> rows = acts.subList(from, Math.min(acts.size(), from + ROWS));
            List<Object> params = new ArrayList<>(rows.size() * 5);
            rows.forEach(act -> params.addAll(Arrays.asList(act.userId(), act.enterpriseId(), Date.valueOf(act.occurredOn()),
                    cut(act.kind(), 30), act.organizationId())));
            jdbc.sql("INSERT INTO enforcement_act (user_id, enterprise_id, occurred_on, kind, organization_id) "
                            + "SELECT user_id, enterprise_id, occurred_on, kind, org FROM (SELECT a.user_id, a.enterprise_id, "
                            + "a.occurred_on, a.kind, COALESCE((SELECT organization_id FROM enterprise WHERE id = a.enterprise_id), "
                            + "a.organization_id) AS org FROM (VALUES " + String.join(", ", Collections.nCopies(rows.size(),
                                    "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS VARCHAR), CAST(? AS BIGINT))"))
                            + ") AS a (user_id, enterprise_id, occurred_on, kind, organization_id)) o "
                            + "WHERE org IS NOT NULL ON CONFLICT DO NOTHING")
                    .params(params).update();
        }
    }

    @ApplicationModuleListener
    void on(EnterpriseTimelineEntry entry) {
        jdbc.sql("INSERT INTO enterprise_timeline (enterprise_id, occurred_on, source, title, link, organization_id) "
                        + "SELECT e.id, ?, ?, ?, ?, e.organization_id FROM enterprise e WHERE e.id = ? ON CONFLICT DO NOTHING")
                .params(Date.valueOf(entry.occurredOn()), cut(entry.source(), 20), cut(entry.title(), 200),
                        entry.link() == null ? "" : cut(entry.link(), 300), entry.enterpriseId()).update();
    }

    private static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
