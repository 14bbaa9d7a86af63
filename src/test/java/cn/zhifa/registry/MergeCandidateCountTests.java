package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static cn.zhifa.registry.RegistryTestSupport.form;
import static cn.zhifa.registry.RegistryTestSupport.validUscc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 (the province profile): the 疑似重复企业待合并 count and the merge page read the groups the database keeps in
 * enterprise_duplicate (V3_71), not a GROUP BY over every firm of the scope. They must stay what that GROUP BY says
 * through registration, a change of name and a merge.
 */
@ZhifaIntegrationTest
class MergeCandidateCountTests {

    private static final String GROUPED_FROM_FIRMS = """
            SELECT town_code || '|' || name_key || '|' || organization_id || '|' || members FROM (
                SELECT town_code, name_key, organization_id, count(*) AS members,
                       sum(count(*)) OVER (PARTITION BY town_code, name_key) AS total
                FROM enterprise WHERE merged_into IS NULL GROUP BY town_code, name_key, organization_id) g
            WHERE total > 1 ORDER BY 1""";

    @Autowired
    EnterpriseManagement registry;
    @Autowired
    UserManagement users;
    @Autowired
    DataScope scope;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        RegistryTestSupport.clear();
    }

    @Test
    void the_kept_groups_are_the_groups_of_the_active_firms_and_the_counts_are_those_the_merge_page_lists() {
        assertThat(kept()).isNotEmpty().isEqualTo(groupedFromFirms());
        for (String user : List.of("supervisor1", "officer1")) {
            actAs(users, user);
            Collection<Long> orgs = scope.visibleOrganizationIds();
            long count = registry.countMergeCandidates(orgs);
            assertThat(count).as(user).isEqualTo(groupsOfFirms(orgs)).isLessThan(100);
            assertThat(registry.mergeCandidates()).as(user).hasSize((int) count)
                    .allSatisfy(group -> assertThat(group.enterprises()).hasSizeGreaterThan(1));
        }
    }

    @Test
    void a_second_firm_of_a_name_in_one_town_makes_a_group_that_a_new_name_or_a_merge_dissolves() {
        actAs(users, "officer1");
        Collection<Long> orgs = scope.visibleOrganizationIds();
        long before = registry.countMergeCandidates(orgs);
        EnterpriseSummary first = registry.register(form("示例合并计数五金制品有限公司", validUscc("139902", 2101), "139902001",
                SupervisionLevel.DISTRICT));
        assertThat(registry.countMergeCandidates(orgs)).as("one firm of the name").isEqualTo(before);

        EnterpriseSummary second = registry.register(form("示例合并计数五金制品有限责任公司", validUscc("139902", 2102), "139902001",
                SupervisionLevel.DISTRICT));
        assertThat(registry.countMergeCandidates(orgs)).as("two firms, one name key").isEqualTo(before + 1);
        assertThat(registry.mergeCandidates()).filteredOn(group -> group.enterprises().stream().anyMatch(e -> e.id() == first.id()))
                .singleElement().satisfies(group -> assertThat(group.enterprises()).extracting(EnterpriseSummary::id)
                        .containsExactlyInAnyOrder(first.id(), second.id()));

        registry.describe(second.id(), form("示例改名后的五金制品有限公司", second.uscc(), "139902001", SupervisionLevel.DISTRICT),
                registry.profile(second.id()).version());
        assertThat(registry.countMergeCandidates(orgs)).as("renamed away").isEqualTo(before);
        assertThat(kept()).isEqualTo(groupedFromFirms());

        registry.describe(second.id(), form("示例合并计数五金制品有限公司", second.uscc(), "139902001", SupervisionLevel.DISTRICT),
                registry.profile(second.id()).version());
        assertThat(registry.countMergeCandidates(orgs)).as("renamed back").isEqualTo(before + 1);

        registry.merge(second.id(), first.id());
        assertThat(registry.countMergeCandidates(orgs)).as("merged").isEqualTo(before);
        assertThat(registry.mergeCandidates()).noneMatch(group -> group.enterprises().stream().anyMatch(e -> e.id() == first.id()));
        assertThat(kept()).isEqualTo(groupedFromFirms());
    }

    private List<String> kept() {
        return jdbc.sql("SELECT town_code || '|' || name_key || '|' || organization_id || '|' || members FROM enterprise_duplicate ORDER BY 1")
                .query(String.class).list();
    }

    private List<String> groupedFromFirms() {
        return jdbc.sql(GROUPED_FROM_FIRMS).query(String.class).list();
    }

    private long groupsOfFirms(Collection<Long> orgs) {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT 1 FROM enterprise WHERE merged_into IS NULL AND organization_id IN (:orgs)
                        GROUP BY town_code, name_key HAVING count(*) > 1) groups""")
                .param("orgs", Set.copyOf(orgs)).query(Long.class).single();
    }
}
