package cn.zhifa.township.internal;

import cn.zhifa.shared.security.OwnWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A firm named by a lead assigned to an officer is part of that officer's own work (a township firm beside the
 * brigade). Reads the table itself: the data scope depends on every {@link OwnWork}, so this must not depend on it.
 */
@Component
class LeadOwnWork implements OwnWork {

    private final JdbcClient jdbc;

    LeadOwnWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean concernsFirm(long userId, long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM township_lead WHERE assignee_id = ? AND enterprise_id = ?")
                .params(userId, enterpriseId).query(Long.class).single() > 0;
    }
}
