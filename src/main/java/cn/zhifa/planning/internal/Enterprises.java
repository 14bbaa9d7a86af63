package cn.zhifa.planning.internal;

import cn.zhifa.planning.EnterpriseFeatures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The grading features of firms (planning_enterprise). Until the registry module's API is merged this table
 * is filled by planning's demo data; afterwards it is refreshed from {@code EnterpriseManagement}.
 */
@Component
public class Enterprises {

    private static final RowMapper<EnterpriseFeatures> FEATURES = (rs, i) -> new EnterpriseFeatures(
            rs.getLong("enterprise_id"), rs.getString("name"), rs.getLong("organization_id"),
            (Long) rs.getObject("town_id"), rs.getString("town_name"), rs.getString("industry"),
            split(rs.getString("risk_features")), (Integer) rs.getObject("major_hazard_grade"),
            rs.getString("credit_grade"), rs.getInt("recent_accidents"), rs.getInt("recent_cases"),
            rs.getBoolean("whitelisted"));

    private final JdbcClient jdbc;

    Enterprises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<EnterpriseFeatures> inOrganizations(Collection<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM planning_enterprise WHERE organization_id IN (:orgs) OR town_id IN (:orgs) ORDER BY enterprise_id")
                .param("orgs", orgIds).query(FEATURES).list();
    }

    public Optional<EnterpriseFeatures> find(long id) {
        return jdbc.sql("SELECT * FROM planning_enterprise WHERE enterprise_id = ?").param(id).query(FEATURES).optional();
    }

    public List<String> industries() {
        return jdbc.sql("SELECT DISTINCT industry FROM planning_enterprise ORDER BY industry").query(String.class).list();
    }

    public void save(EnterpriseFeatures f, boolean demo) {
        jdbc.sql("""
                INSERT INTO planning_enterprise (enterprise_id, name, organization_id, town_id, town_name, industry,
                  risk_features, major_hazard_grade, credit_grade, recent_accidents, recent_cases, whitelisted, demo)
                VALUES (:id, :name, :org, :town, :townName, :industry, :risk, :hazard, :credit, :accidents, :cases, :white, :demo)
                ON CONFLICT (enterprise_id) DO UPDATE SET name = EXCLUDED.name, organization_id = EXCLUDED.organization_id,
                  town_id = EXCLUDED.town_id, town_name = EXCLUDED.town_name, industry = EXCLUDED.industry,
                  risk_features = EXCLUDED.risk_features, major_hazard_grade = EXCLUDED.major_hazard_grade,
                  credit_grade = EXCLUDED.credit_grade, recent_accidents = EXCLUDED.recent_accidents,
                  recent_cases = EXCLUDED.recent_cases, whitelisted = EXCLUDED.whitelisted""")
                .param("id", f.enterpriseId()).param("name", f.name()).param("org", f.organizationId())
                .param("town", f.townId()).param("townName", f.townName()).param("industry", f.industry())
                .param("risk", String.join(",", f.riskFeatures().stream().sorted().toList()))
                .param("hazard", f.majorHazardGrade()).param("credit", f.creditGrade())
                .param("accidents", f.recentAccidents()).param("cases", f.recentCases())
                .param("white", f.whitelisted()).param("demo", demo).update();
    }

    static java.util.Set<String> split(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Set.of();
        }
        return Arrays.stream(text.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
