package cn.zhifa.casework.internal;

import cn.zhifa.shared.web.DisplayNames;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case is named by its case number (案号) wherever a list shows it by key. */
@Component
class CaseNames implements DisplayNames {

    private final JdbcClient jdbc;

    CaseNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> target(String targetType, String targetId) {
        if (!"案件".equals(targetType) || targetId == null || !targetId.chars().allMatch(Character::isDigit) || targetId.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT case_number FROM penalty_case WHERE id = :id").param("id", Long.parseLong(targetId))
                .query(String.class).optional();
    }
}
