package cn.zhifa.hazard.internal;

import cn.zhifa.shared.security.OwnWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The firms of the hazards a user found, re-inspected or closed. */
@Component
class HazardOwnWork implements OwnWork {

    private final JdbcClient jdbc;

    HazardOwnWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean concernsFirm(long userId, long enterpriseId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM hazard WHERE enterprise_id = :firm
                                       AND (found_by = :user OR reinspected_by = :user OR closed_by = :user))""")
                .param("firm", enterpriseId).param("user", userId).query(Boolean.class).single();
    }
}
