package cn.zhifa.inspection.internal;

import cn.zhifa.shared.security.OwnWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The firms of the inspection tasks and records a user is on. */
@Component
class InspectionOwnWork implements OwnWork {

    private final JdbcClient jdbc;

    InspectionOwnWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean concernsFirm(long userId, long enterpriseId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id AND m.organization_id = t.organization_id
                                       WHERE t.enterprise_id = :firm AND m.user_id = :user)
                            OR EXISTS (SELECT 1 FROM inspection_record r JOIN inspection_record_member m ON m.inspection_record = r.id AND m.organization_id = r.organization_id
                                       WHERE r.enterprise_id = :firm AND m.user_id = :user)""")
                .param("firm", enterpriseId).param("user", userId).query(Boolean.class).single();
    }
}
