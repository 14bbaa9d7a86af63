package cn.zhifa.reporting.internal;

import cn.zhifa.shared.demo.DemoDataLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reporting creates no demo data, but the other modules delete theirs without events: after every other module has
 * purged (this purges last), each year the read models hold is rebuilt from what the owning modules still replay.
 */
@Component
class ReportingDemoPurge implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final VisitReadModel visits;
    private final HazardReadModel hazards;
    private final CaseReadModel cases;
    private final DocumentReadModel documents;
    private final PublicityReadModel publicity;
    private final CaseFactReadModel facts;

    ReportingDemoPurge(JdbcClient jdbc, VisitReadModel visits, HazardReadModel hazards, CaseReadModel cases,
                       DocumentReadModel documents, PublicityReadModel publicity, CaseFactReadModel facts) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.visits = visits;
        this.hazards = hazards;
        this.cases = cases;
        this.documents = documents;
        this.publicity = publicity;
    }

    @Override
    public int order() {
        return -1;
    }

    @Override
    public void load() {
        // the read models fill from the other modules' events
    }

    @Override
    public void purge() {
        List<Integer> years = jdbc.sql("""
                SELECT DISTINCT y FROM (
                  SELECT EXTRACT(YEAR FROM day)::int AS y FROM reporting_visit_day
                  UNION SELECT EXTRACT(YEAR FROM found_on)::int FROM reporting_hazard WHERE found_on IS NOT NULL
                  UNION SELECT EXTRACT(YEAR FROM filed_on)::int FROM reporting_case WHERE filed_on IS NOT NULL
                  UNION SELECT EXTRACT(YEAR FROM decided_on)::int FROM reporting_case WHERE decided_on IS NOT NULL
                  UNION SELECT EXTRACT(YEAR FROM issue_date)::int FROM reporting_document WHERE issue_date IS NOT NULL
                  UNION SELECT EXTRACT(YEAR FROM due_on)::int FROM reporting_publication
                  UNION SELECT EXTRACT(YEAR FROM on_day)::int FROM reporting_case_fact
                  UNION SELECT EXTRACT(YEAR FROM held_on)::int FROM reporting_case_meeting) years ORDER BY y""")
                .query(Integer.class).list();
        for (int year : years) {
            visits.rebuild(year);
            hazards.rebuild(year);
            cases.rebuild(year);
            facts.rebuild(year);
            documents.rebuild(year);
            publicity.rebuild(year);
        }
    }
}
