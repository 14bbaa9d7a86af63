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
 * pages say 'cap+'. At a million rows (README, Benchmarks): the count reads covering indexes (V3_20, V3_21) and
 * stops after cap + 1 matches, filters are SQL literals so every statement gets a plan for its values, a
 * 2-character name search answers 'cap+' from a probe of the covering index, and a longer one lists and counts
 * its few matches in one statement.
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
    /** The "cap+" probe of a name search reads at most this many times cap + 1 rows of the covering index. */
    static final int PROBE_WINDOW = 30;
    static final int NARROW_PROBE_WINDOW = 2;
    /** A search of several bigrams collects up to this many times cap + 1 matches in one statement (see rareKeywordPage). */
    static final int RARE_BOUND = 5;
    static final String ALIASED_SUMMARY_COLUMNS = "e.id, e.name, e.uscc, e.legal_representative, "
            + "COALESCE(e.operating_address, e.registered_address) AS address, e.town_code, e.industry_division, e.risk_features, "
            + "e.major_hazard_grade, e.status, e.supervision_level, e.organization_id, e.whitelisted, e.employees";

    EnterpriseSearch(JdbcClient jdbc, NamedParameterJdbcTemplate named, javax.sql.DataSource dataSource,
                     @Value("${zhifa.registry.count-cap:1000}") int countCap) {
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
        Filter filter = filter(query, organizationIds, params);
        int maxPage = Math.max(0, (countCap - 1) / size);
        int number = Math.min(page, maxPage);
        long offset = (long) number * size;
        if (filter.grams() > 1) {
            Page<EnterpriseSummary> found = rareKeywordPage(query.sortOrDefault(), filter, params, number, size);
            if (found != null) {
                return found;
            }
        }
        List<EnterpriseSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM enterprise WHERE " + filter.where()
                        + orderBy(query.sortOrDefault()) + " LIMIT " + size + " OFFSET " + offset)
                .paramSource(params).query(SUMMARY).list();
        if (items.size() < size && (number == 0 || !items.isEmpty())) {
            // a short page is the last one: the total is known without counting (shown as 'cap+' beyond the cap, as a
            // count would, except on a first page larger than the cap)
            return new Page<>(items, number, size, number == 0 ? items.size() : Math.min(offset + items.size(), countCap + 1L));
        }
        return new Page<>(items, number, size, count(filter, params));
    }

    /**
     * A name search of several bigrams (华兴化工, hxhg) usually matches few rows, found through the GIN index and
     * checked in the table. Listing them and counting them separately read those rows twice, so this one statement
     * collects every match (at most {@link #RARE_BOUND} of them, with the sort columns), then takes the page and the
     * count from that set. Returns null when the keyword is common after all (the bound was reached): the caller then
     * lists and counts the usual way.
     */
    private Page<EnterpriseSummary> rareKeywordPage(EnterpriseQuery.Sort sort, Filter filter, MapSqlParameterSource params,
                                                    int number, int size) {
        long bound = (long) RARE_BOUND * (countCap + 1);
        long offset = (long) number * size;
        long[] matched = {-1};
        List<EnterpriseSummary> items = new ArrayList<>();
        jdbc.sql("WITH matches AS (SELECT id, name, employees FROM enterprise WHERE " + filter.where() + " LIMIT " + bound + "), "
                        + "page_ids AS (SELECT id FROM matches" + orderBy(sort) + " LIMIT " + size + " OFFSET " + offset + ") "
                        + "SELECT counted.matched, " + ALIASED_SUMMARY_COLUMNS + " FROM (SELECT count(*) AS matched FROM matches) counted "
                        + "LEFT JOIN (page_ids JOIN enterprise e ON e.id = page_ids.id) ON TRUE" + orderBy(sort, "e."))
                .paramSource(params)
                .query(rs -> {
                    matched[0] = rs.getLong("matched");
                    if (rs.getObject("id") != null) {
                        items.add(summary(rs, 0));
                    }
                });
        if (matched[0] < 0 || matched[0] >= bound) {
            return null;
        }
        boolean shortFirstPage = number == 0 && items.size() < size;
        return new Page<>(items, number, size, shortFirstPage ? items.size() : Math.min(matched[0], countCap + 1L));
    }

    /**
     * The number of matches, exact up to the cap, else cap + 1 ('cap+'). Counted without an order so the planner
     * may stop after cap + 1 matches read from a covering index (V3_20). A name search first probes a window of
     * the rows matching the other filters, reading only the covering index: if more than cap of them contain the
     * keyword, the answer is 'cap+' without visiting the GIN index (whose bitmap for a common bigram such as 化工
     * holds ~77,000 rows); otherwise it counts exactly. The probe's condition implies the full one (a name
     * containing the keyword has all its bigrams), so it never counts a row the list would not show. A one-bigram
     * keyword (2 characters) is often common, so its window is wide; a longer keyword is usually rare, so a narrow
     * window only catches the very common ones (e.g. 有限公司) before the GIN index counts it.
     */
    long count(Filter filter, MapSqlParameterSource params) {
        String capped = "SELECT count(*) FROM (SELECT 1 FROM enterprise WHERE " + filter.where() + " LIMIT " + (countCap + 1)
                + ") capped";
        if (filter.probe() == null) {
            return jdbc.sql(capped).paramSource(params).query(Long.class).single();
        }
        String probe = "SELECT count(*) FROM (SELECT 1 FROM (SELECT name, name_initials FROM enterprise WHERE " + filter.base()
                + " LIMIT " + (long) (filter.grams() == 1 ? PROBE_WINDOW : NARROW_PROBE_WINDOW) * (countCap + 1) + ") window_rows WHERE " + filter.probe()
                + " LIMIT " + (countCap + 1) + ") probed";
        // the ELSE subquery runs only when the probe did not already find more than cap matches
        return jdbc.sql("SELECT CASE WHEN (" + probe + ") > " + countCap + " THEN " + (countCap + 1) + " ELSE (" + capped
                        + ") END")
                .paramSource(params).query(Long.class).single();
    }

    /** Streams every match (no cap; call inside a transaction so the rows are fetched in batches) to {@code sink}. */
    public void each(EnterpriseQuery query, Collection<Long> organizationIds, Consumer<EnterpriseSummary> sink) {
        if (organizationIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = filter(query, organizationIds, params).where();
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
            where.append(townPrefix(filter.townCodePrefix()));
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

    /**
     * The list's conditions. Filters that are ids, enum names or validated codes are written into the SQL as
     * literals, so every statement is planned for its values (a prepared statement's generic plan guesses the
     * selectivity of a parameter: it once sorted a whole township's 劳动密集型 firms to show 20, see README); only the
     * user's text (keyword, USCC) stays a parameter.
     *
     * @param where the whole condition
     * @param base  the condition without the name search
     * @param probe for a name search by bigrams: a condition on name / name_initials alone that implies the
     *              name search (null otherwise)
     */
    record Filter(String where, String base, String probe, int grams) {
    }

    static Filter filter(EnterpriseQuery query, Collection<Long> organizationIds, MapSqlParameterSource params) {
        StringBuilder base = new StringBuilder("merged_into IS NULL AND organization_id IN (");
        base.append(String.join(", ", organizationIds.stream().map(id -> Long.toString(id)).toList())).append(')');
        if (query.uscc() != null && !query.uscc().isBlank()) {
            base.append(" AND uscc = :uscc");
            params.addValue("uscc", query.uscc().strip().toUpperCase());
        }
        if (query.industry() != null && !query.industry().isBlank()) {
            String code = query.industry().strip().toUpperCase();
            if (code.length() == 1) {
                base.append(code(" AND industry_section = ", code));
            } else {
                base.append(code(" AND industry_division = ", IndustryCatalog.division(code).map(i -> i.divisionCode()).orElse(code)));
            }
        }
        if (query.townCode() != null && !query.townCode().isBlank()) {
            base.append(townPrefix(query.townCode()));
        }
        if (query.risk() != null) {
            base.append(" AND risk_features @> CAST('{").append(query.risk().name()).append("}' AS VARCHAR(32)[])");
        }
        if (query.status() != null) {
            base.append(" AND status = '").append(query.status().name()).append('\'');
        }
        if (query.level() != null) {
            base.append(" AND supervision_level = '").append(query.level().name()).append('\'');
        }
        if (query.whitelisted() != null) {
            base.append(query.whitelisted() ? " AND whitelisted" : " AND NOT whitelisted");
        }
        String keyword = query.keyword() == null ? "" : query.keyword().strip();
        if (keyword.isEmpty()) {
            return new Filter(base.toString(), base.toString(), null, 0);
        }
        StringBuilder where = new StringBuilder(base);
        String probe = null;
        int gramCount = 0;
        String upper = keyword.toUpperCase();
        if (USCC_LIKE.matcher(upper).matches() && upper.chars().anyMatch(Character::isDigit)) {
            where.append(" AND uscc = :keywordUscc");
            params.addValue("keywordUscc", upper);
        } else {
            String[] grams = SearchTerms.queryGrams(keyword);
            gramCount = grams.length;
            if (grams.length > 0) {
                where.append(" AND search_grams @> CAST(:grams AS VARCHAR(8)[])");
                params.addValue("grams", Enterprises.arrayLiteral(grams));
            }
            if (SearchTerms.looksLikeInitials(keyword)) {
                where.append(" AND (name_initials LIKE :initials OR LOWER(name) LIKE :initials)");
                params.addValue("initials", "%" + escapeLike(keyword.toLowerCase()) + "%");
                // initials containing the keyword contain its '#' bigrams
                probe = grams.length > 0 ? "name_initials LIKE :initials" : null;
            } else {
                where.append(" AND name LIKE :like");
                params.addValue("like", "%" + escapeLike(keyword) + "%");
                // a name containing the keyword has the keyword's bigrams (normalising maps each character alone)
                probe = grams.length > 0 ? "name LIKE :like" : null;
            }
        }
        return new Filter(where.toString(), base.toString(), probe, gramCount);
    }

    /** An industry code as a literal; codes are letters and digits, anything else matches nothing. */
    private static String code(String condition, String code) {
        return code.matches("[0-9A-Z]{1,4}") ? condition + "'" + code + "'" : " AND FALSE";
    }

    private static String orderBy(EnterpriseQuery.Sort sort) {
        return orderBy(sort, "");
    }

    private static String orderBy(EnterpriseQuery.Sort sort, String alias) {
        return switch (sort) {
            case NEWEST -> " ORDER BY " + alias + "id DESC";
            case NAME -> " ORDER BY " + alias + "name, " + alias + "id";
            case EMPLOYEES -> " ORDER BY " + alias + "employees DESC, " + alias + "id DESC";
        };
    }

    /**
     * A division-code prefix as a btree range (139903 becomes 139903 ≤ code < 139904), not LIKE: a range can use the
     * town index whatever the collation. Validated digits, so written as literals.
     */
    private static String townPrefix(String prefix) {
        String digits = prefix.strip();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 12) {
            return " AND FALSE";
        }
        if (digits.chars().allMatch(c -> c == '9')) {
            return " AND town_code >= '" + digits + "'";
        }
        String next = String.format("%0" + digits.length() + "d", Long.parseLong(digits) + 1);
        return " AND town_code >= '" + digits + "' AND town_code < '" + next + "'";
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
