package cn.zhifa.casework.internal;

import cn.zhifa.shared.security.OwnWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The firms of the cases a user handles (承办人 or second 承办人). */
@Component
class CaseOwnWork implements OwnWork {

    private final JdbcClient jdbc;

    CaseOwnWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean concernsFirm(long userId, long enterpriseId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM penalty_case WHERE enterprise_id = :firm
                                       AND (handler_id = :user OR co_handler_id = :user))""")
                .param("firm", enterpriseId).param("user", userId).query(Boolean.class).single();
    }
}
