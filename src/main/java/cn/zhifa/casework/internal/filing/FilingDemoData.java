package cn.zhifa.casework.internal.filing;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's filings: the demo decisions fell due when casework's demo decided them; of the oldest 重大行政处罚 the filing
 * with the first body is recorded as sent (the other bodies stay overdue).
 */
@Component
class FilingDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    FilingDemoData(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 71;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("""
                        SELECT count(*) FROM case_filing f JOIN penalty_case c ON c.id = f.penalty_case
                        WHERE c.source_reference LIKE 'DEMO-%' AND f.sent_on IS NOT NULL""").query(Long.class).single() > 0) {
            return;
        }
        String by = users.findByUsername("officer1").map(UserView::displayName).orElse("办案人员");
        jdbc.sql("""
                        UPDATE case_filing SET sent_on = LEAST(decided_on + 5, CURRENT_DATE), reference_number = '东应急备〔' || EXTRACT(YEAR FROM decided_on) || '〕1号',
                               recorded_by = :by, recorded_at = :at
                        WHERE id = (SELECT f.id FROM case_filing f JOIN penalty_case c ON c.id = f.penalty_case
                                    WHERE c.source_reference LIKE 'DEMO-%' AND f.kind = 'MAJOR' ORDER BY f.decided_on, f.id LIMIT 1)""")
                .param("by", by).param("at", Timestamp.from(clock.instant())).update();
    }

    @Override
    public void purge() {
        // the filings go with the demo cases (ON DELETE CASCADE)
    }
}
