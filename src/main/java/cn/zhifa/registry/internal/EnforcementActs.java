package cn.zhifa.registry.internal;

import cn.zhifa.registry.EnforcementActRecorded;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import cn.zhifa.registry.EnforcementVisitRecorded;
import java.sql.Date;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what later modules publish: enforcement acts (for the participation rate) and timeline entries (for
 * the enterprise profile). Both are idempotent, so a republished event is stored once.
 */
@Component
class EnforcementActs {

    private final JdbcClient jdbc;

    EnforcementActs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The acts and the timeline entry of one visit, in the one transaction of its delivery. */
    @ApplicationModuleListener
    void on(EnforcementVisitRecorded visit) {
        visit.acts().forEach(this::on);
        if (visit.timelineEntry() != null) {
            on(visit.timelineEntry());
        }
    }

    @ApplicationModuleListener
    void on(EnforcementActRecorded act) {
        // the firm's organisation id (issue 18: the distribution key), or the acting unit's when the act names no
        // registered firm (a case against a person); an act with neither is not kept
        jdbc.sql("INSERT INTO enforcement_act (user_id, enterprise_id, occurred_on, kind, organization_id) "
                        + "SELECT ?, ?, ?, ?, o.id FROM (SELECT COALESCE((SELECT organization_id FROM enterprise WHERE id = ?), ?) AS id) o "
                        + "WHERE o.id IS NOT NULL ON CONFLICT DO NOTHING")
                .params(act.userId(), act.enterpriseId(), Date.valueOf(act.occurredOn()), cut(act.kind(), 30), act.enterpriseId(),
                        act.organizationId()).update();
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
