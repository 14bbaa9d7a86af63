package cn.zhifa.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import cn.zhifa.shared.web.Page;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's paths (capped count through covering indexes, the "cap+" probe of a 2-character name search, the one-pass
 * page of a longer name search and its fallback when the keyword is common) against plain SQL on the demo city: the
 * same rows in the same order, and the total exact up to the cap, cap + 1 above it, for caps on both sides of the
 * true count.
 */
@ZhifaIntegrationTest
class EnterpriseSearchTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    DataSource dataSource;

    record Case(String label, EnterpriseQuery query, String referenceWhere, String order) {
    }

    private static EnterpriseQuery query(String keyword, String town, RiskFeature risk, SupervisionLevel level, EnterpriseQuery.Sort sort) {
        return new EnterpriseQuery(keyword, null, null, town, risk, null, level, null, null, sort);
    }

    private final List<Case> cases = List.of(
            new Case("no filter", query(null, null, null, null, EnterpriseQuery.Sort.NEWEST), "TRUE", "id DESC"),
            new Case("2 characters (probe)", query("化工", null, null, null, EnterpriseQuery.Sort.NAME),
                    "name LIKE '%化工%'", "name, id"),
            new Case("rare 4 characters (one pass)", query("化工贸易", null, null, null, EnterpriseQuery.Sort.EMPLOYEES),
                    "name LIKE '%化工贸易%'", "employees DESC, id DESC"),
            new Case("common 4 characters (one pass gives up)", query("有限公司", null, null, null, EnterpriseQuery.Sort.NEWEST),
                    "name LIKE '%有限公司%'", "id DESC"),
            new Case("common initials", query("yxgs", null, null, null, EnterpriseQuery.Sort.NAME),
                    "(name_initials LIKE '%yxgs%' OR LOWER(name) LIKE '%yxgs%')", "name, id"),
            new Case("2-letter initials (probe)", query("hg", null, null, null, EnterpriseQuery.Sort.NEWEST),
                    "(name_initials LIKE '%hg%' OR LOWER(name) LIKE '%hg%')", "id DESC"),
            new Case("district + risk", query(null, "139902", RiskFeature.CONFINED_SPACE, null, EnterpriseQuery.Sort.NEWEST),
                    "town_code LIKE '139902%' AND 'CONFINED_SPACE' = ANY (risk_features)", "id DESC"),
            new Case("city level + major hazard", query(null, null, RiskFeature.MAJOR_HAZARD, SupervisionLevel.CITY, EnterpriseQuery.Sort.NAME),
                    "supervision_level = 'CITY' AND 'MAJOR_HAZARD' = ANY (risk_features)", "name, id"),
            new Case("town + name + risk", query("有限", "139903", RiskFeature.LABOUR_INTENSIVE, null, EnterpriseQuery.Sort.EMPLOYEES),
                    "name LIKE '%有限%' AND town_code LIKE '139903%' AND 'LABOUR_INTENSIVE' = ANY (risk_features)", "employees DESC, id DESC"));

    @Test
    void every_path_lists_the_rows_plain_sql_lists_and_caps_the_total_exactly_above_the_cap() {
        List<Long> organizations = jdbc.sql("SELECT id FROM organization").query(Long.class).list();
        for (Case c : cases) {
            List<Long> expected = jdbc.sql("SELECT id FROM enterprise WHERE merged_into IS NULL AND " + c.referenceWhere()
                    + " ORDER BY " + c.order()).query(Long.class).list();
            int exact = expected.size();
            assertThat(exact).as(c.label()).isGreaterThan(1);
            Set<Integer> caps = new LinkedHashSet<>(List.of(1, 3, Math.max(1, exact - 1), exact, exact + 5, 5000));
            for (int cap : caps) {
                EnterpriseSearch search = new EnterpriseSearch(jdbc, named, dataSource, cap);
                for (int size : new int[]{2, 7, 50}) {
                    for (int page : new int[]{0, 1, exact / size, 10_000}) {
                        Page<EnterpriseSummary> result = search.search(c.query(), organizations, page, size);
                        String where = c.label() + ", cap " + cap + ", size " + size + ", page " + page;
                        int number = Math.min(page, Math.max(0, (cap - 1) / size));
                        assertThat(result.number()).as(where).isEqualTo(number);
                        List<Long> pageIds = expected.subList(Math.min(exact, number * size), Math.min(exact, number * size + size));
                        // a first page that is not full shows the exact total even past the cap (only when size > cap)
                        long total = number == 0 && pageIds.size() < size ? pageIds.size() : exact > cap ? cap + 1L : exact;
                        assertThat(result.total()).as(where).isEqualTo(total);
                        assertThat(result.items()).as(where).extracting(EnterpriseSummary::id).containsExactlyElementsOf(pageIds);
                    }
                }
            }
        }
    }

    @Test
    void a_filter_value_is_written_as_a_literal_only_when_it_is_an_id_an_enum_or_validated_digits() {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        EnterpriseSearch.Filter filter = EnterpriseSearch.filter(new EnterpriseQuery("华兴'化工", null, "C2'6", "1399'02",
                RiskFeature.MAJOR_HAZARD, null, SupervisionLevel.CITY, true, null, null), List.of(3L, 5L), params);
        assertThat(filter.where()).contains("organization_id IN (3, 5)", "supervision_level = 'CITY'",
                        "CAST('{MAJOR_HAZARD}' AS VARCHAR(32)[])", "name LIKE :like")
                .doesNotContain("华兴", "C2'6", "1399'02");
        // an industry or town code that is not a code matches nothing rather than reaching the SQL
        assertThat(filter.base()).contains(" AND FALSE");
        assertThat(params.getValue("like")).isEqualTo("%华兴'化工%");
        assertThat(filter.probe()).isEqualTo("name LIKE :like");
    }
}
