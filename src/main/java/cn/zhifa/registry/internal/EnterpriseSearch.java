package cn.zhifa.registry.internal;

import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.IndustryCatalog;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import cn.zhifa.shared.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprise list read model: one SQL statement per filter set, served by btree indexes (organisation,
 * town prefix, industry, status), GIN indexes (risk features, name bigrams / pinyin-initial bigrams). The total
 * is counted up to a cap ({@code zhifa.registry.count-cap}) so a list over a million rows stays fast; beyond it
 * pages say "cap+".
 */
@Component
public class EnterpriseSearch {

    static final String SUMMARY_COLUMNS = "id, name, uscc, legal_representative, COALESCE(operating_address, registered_address) AS address, "
            + "town_code, industry_division, risk_features, major_hazard_grade, status, supervision_level, organization_id, "
            + "whitelisted, employees";
    private static final Pattern USCC_LIKE = Pattern.compile("^[0-9A-Z]{18}$");

    static final RowMapper<EnterpriseSummary> SUMMARY = EnterpriseSearch::summary;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NamedParameterJdbcTemplate streaming;
    private final int countCap;

    EnterpriseSearch(JdbcClient jdbc, NamedParameterJdbcTemplate named, javax.sql.DataSource dataSource,
                     @Value("${zhifa.registry.count-cap:10000}") int countCap) {
        this.jdbc = jdbc;
        this.named = named;
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.countCap = countCap;
    }

    public int countCap() {
        return countCap;
    }

    public Page<EnterpriseSummary> search(EnterpriseQuery query, Collection<Long> organizationIds, int page, int size) {
        if (organizationIds.isEmpty()) {
            return Page.empty(page, size);
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, organizationIds, params);
        int maxPage = Math.max(0, (countCap - 1) / size);
        int number = Math.min(page, maxPage);
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM enterprise WHERE " + where + " LIMIT " + (countCap + 1) + ") capped")
                .paramSource(params).query(Long.class).single();
        params.addValue("limit", size).addValue("offset", (long) number * size);
        List<EnterpriseSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM enterprise WHERE " + where
                        + orderBy(query.sortOrDefault()) + " LIMIT :limit OFFSET :offset")
                .paramSource(params).query(SUMMARY).list();
        return new Page<>(items, number, size, total);
    }

    /** Streams every match (no cap; call inside a transaction so the rows are fetched in batches) to {@code sink}. */
    public void each(EnterpriseQuery query, Collection<Long> organizationIds, Consumer<EnterpriseSummary> sink) {
        if (organizationIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, organizationIds, params);
        streaming.query("SELECT " + SUMMARY_COLUMNS + " FROM enterprise WHERE " + where + orderBy(query.sortOrDefault()), params,
                rs -> {
                    sink.accept(summary(rs, 0));
                });
    }

    public List<EnterpriseSummary> pool(PoolFilter filter) {
        if (filter.organizationIds() == null || filter.organizationIds().isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("orgs", filter.organizationIds());
        StringBuilder where = new StringBuilder("merged_into IS NULL AND status = 'OPERATING' AND organization_id IN (:orgs)");
        if (filter.industries() != null && !filter.industries().isEmpty()) {
            List<String> sections = new ArrayList<>();
            List<String> divisions = new ArrayList<>();
            for (String industry : filter.industries()) {
                String code = industry.strip().toUpperCase();
                if (code.length() == 1) {
                    sections.add(code);
                } else {
                    divisions.add(code.length() == 3 ? code.substring(1) : code);
                }
            }
            where.append(" AND (industry_section IN (:sections) OR industry_division IN (:divisions))");
            params.addValue("sections", sections.isEmpty() ? List.of("-") : sections)
                    .addValue("divisions", divisions.isEmpty() ? List.of("--") : divisions);
        }
        if (filter.townCodePrefix() != null && !filter.townCodePrefix().isBlank()) {
            where.append(" AND town_code LIKE :town");
            params.addValue("town", likePrefix(filter.townCodePrefix().strip()));
        }
        if (filter.anyRiskFeatures() != null && !filter.anyRiskFeatures().isEmpty()) {
            where.append(" AND risk_features && CAST(:risks AS VARCHAR(32)[])");
            params.addValue("risks", Enterprises.arrayLiteral(filter.anyRiskFeatures().stream().map(Enum::name).toArray(String[]::new)));
        }
        if (filter.levels() != null && !filter.levels().isEmpty()) {
            where.append(" AND supervision_level IN (:levels)");
            params.addValue("levels", filter.levels().stream().map(Enum::name).toList());
        }
        if (filter.excludeWhitelisted()) {
            where.append(" AND NOT whitelisted");
        }
        return named.query("SELECT " + SUMMARY_COLUMNS + " FROM enterprise WHERE " + where + " ORDER BY id", params, SUMMARY);
    }

    private static String where(EnterpriseQuery query, Collection<Long> organizationIds, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("merged_into IS NULL AND organization_id IN (:orgs)");
        params.addValue("orgs", organizationIds);
        String keyword = query.keyword() == null ? "" : query.keyword().strip();
        if (!keyword.isEmpty()) {
            String upper = keyword.toUpperCase();
            if (USCC_LIKE.matcher(upper).matches() && upper.chars().anyMatch(Character::isDigit)) {
                where.append(" AND uscc = :keywordUscc");
                params.addValue("keywordUscc", upper);
            } else {
                String[] grams = SearchTerms.queryGrams(keyword);
                if (grams.length > 0) {
                    where.append(" AND search_grams @> CAST(:grams AS VARCHAR(8)[])");
                    params.addValue("grams", Enterprises.arrayLiteral(grams));
                }
                if (SearchTerms.looksLikeInitials(keyword)) {
                    where.append(" AND (name_initials LIKE :initials OR LOWER(name) LIKE :initials)");
                    params.addValue("initials", "%" + escapeLike(keyword.toLowerCase()) + "%");
                } else {
                    where.append(" AND name LIKE :like");
                    params.addValue("like", "%" + escapeLike(keyword) + "%");
                }
            }
        }
        if (query.uscc() != null && !query.uscc().isBlank()) {
            where.append(" AND uscc = :uscc");
            params.addValue("uscc", query.uscc().strip().toUpperCase());
        }
        if (query.industry() != null && !query.industry().isBlank()) {
            String code = query.industry().strip().toUpperCase();
            if (code.length() == 1) {
                where.append(" AND industry_section = :section");
                params.addValue("section", code);
            } else {
                where.append(" AND industry_division = :division");
                params.addValue("division", IndustryCatalog.division(code).map(i -> i.divisionCode()).orElse(code));
            }
        }
        if (query.townCode() != null && !query.townCode().isBlank()) {
            where.append(" AND town_code LIKE :town");
            params.addValue("town", likePrefix(query.townCode().strip()));
        }
        if (query.risk() != null) {
            where.append(" AND risk_features @> CAST(:risk AS VARCHAR(32)[])");
            params.addValue("risk", "{" + query.risk().name() + "}");
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.level() != null) {
            where.append(" AND supervision_level = :level");
            params.addValue("level", query.level().name());
        }
        if (query.whitelisted() != null) {
            where.append(" AND whitelisted = :whitelisted");
            params.addValue("whitelisted", query.whitelisted());
        }
        return where.toString();
    }

    private static String orderBy(EnterpriseQuery.Sort sort) {
        return switch (sort) {
            case NEWEST -> " ORDER BY id DESC";
            case NAME -> " ORDER BY name, id";
            case EMPLOYEES -> " ORDER BY employees DESC, id DESC";
        };
    }

    private static String likePrefix(String prefix) {
        return escapeLike(prefix) + "%";
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static EnterpriseSummary summary(ResultSet rs, int row) throws SQLException {
        Set<RiskFeature> features = Enterprises.features(rs.getArray("risk_features"));
        return new EnterpriseSummary(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"),
                rs.getString("legal_representative"), rs.getString("address"), rs.getString("town_code"),
                IndustryCatalog.division(rs.getString("industry_division")).orElseThrow(), features,
                rs.getObject("major_hazard_grade", Integer.class), EnterpriseStatus.valueOf(rs.getString("status")),
                SupervisionLevel.valueOf(rs.getString("supervision_level")), rs.getLong("organization_id"),
                rs.getBoolean("whitelisted"), rs.getInt("employees"));
    }
}
