package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static cn.zhifa.registry.RegistryTestSupport.form;
import static cn.zhifa.registry.RegistryTestSupport.validUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The enterprise library on the real database: registration rules, history, duplicates, search and data scope. */
@ZhifaIntegrationTest
@Tag("external-db")
class EnterpriseRegistryTests {

    @Autowired
    EnterpriseManagement registry;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logout() {
        RegistryTestSupport.clear();
    }

    @Test
    void the_demo_city_has_about_six_hundred_enterprises_with_a_plausible_risk_mix() {
        actAs(users, "supervisor1");
        EnterpriseStatistics statistics = registry.statistics();
        assertThat(statistics.total()).isGreaterThanOrEqualTo(600);
        assertThat(statistics.byRiskFeature()).containsKeys("重大危险源", "劳动密集型", "有限空间");
        assertThat(statistics.bySection().keySet()).anyMatch(k -> k.startsWith("C "));
    }

    @Test
    void a_registered_enterprise_keeps_every_field_change_with_who_and_when() {
        actAs(users, "officer1");
        String uscc = validUscc("139902", 1001);
        EnterpriseSummary created = registry.register(form("示例测试历史金属制品有限公司", uscc, "139902001", SupervisionLevel.DISTRICT));
        EnterpriseProfile profile = registry.profile(created.id());
        EnterpriseForm changed = new EnterpriseForm(profile.form().name(), uscc, "王五", null, "李四", "13800000000", null, null,
                "示例市测试路1号", null, "139902001", "C33", 80, profile.form().annualOutputWan(), EnterpriseStatus.SUSPENDED,
                Set.of(RiskFeature.CONFINED_SPACE), null, false, SupervisionLevel.DISTRICT);
        registry.describe(created.id(), changed, profile.version());

        List<EnterpriseChange> history = registry.profile(created.id()).history();
        assertThat(history).extracting(EnterpriseChange::field).contains("法定代表人", "从业人数", "经营状态", "登记");
        assertThat(history).filteredOn(c -> c.field().equals("法定代表人")).singleElement()
                .satisfies(c -> {
                    assertThat(c.oldValue()).isEqualTo("张三");
                    assertThat(c.newValue()).isEqualTo("王五");
                    assertThat(c.changedBy()).isEqualTo("officer1");
                });
    }

    @Test
    void one_usci_is_registered_only_once_and_a_stale_version_is_refused() {
        actAs(users, "officer1");
        String uscc = validUscc("139902", 1002);
        EnterpriseSummary created = registry.register(form("示例重复测试有限公司", uscc, "139902002", SupervisionLevel.DISTRICT));
        assertThatThrownBy(() -> registry.register(form("示例另一个名字有限公司", uscc, "139902002", SupervisionLevel.DISTRICT)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已登记在企业库中");
        assertThatThrownBy(() -> registry.describe(created.id(), form("示例重复测试有限公司", uscc, "139902002", SupervisionLevel.DISTRICT), 99))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已被他人修改");
    }

    @Test
    void bad_input_is_refused_in_chinese_and_nothing_is_written() {
        actAs(users, "officer1");
        long before = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
        assertThatThrownBy(() -> registry.register(form("示例坏代码有限公司", "91350100M000100Y44", "139902001", SupervisionLevel.DISTRICT)))
                .hasMessageContaining("校验码错误");
        assertThatThrownBy(() -> registry.register(form("示例坏区划有限公司", validUscc("139902", 1003), "139999001", SupervisionLevel.DISTRICT)))
                .hasMessageContaining("不是本辖区内已设立的乡镇（街道）");
        assertThatThrownBy(() -> registry.register(form("示例坏区划有限公司", validUscc("139902", 1003), "13990", SupervisionLevel.DISTRICT)))
                .hasMessageContaining("应为 9 位或 12 位数字");
        EnterpriseForm negative = new EnterpriseForm("示例负数有限公司", validUscc("139902", 1004), "张三", "110105194912310021", null,
                null, null, null, null, null, "139902001", "C33", -1, null, EnterpriseStatus.OPERATING, Set.of(RiskFeature.MAJOR_HAZARD),
                null, false, SupervisionLevel.DISTRICT);
        assertThatThrownBy(() -> registry.register(negative))
                .hasMessageContaining("从业人数不能为负数")
                .hasMessageContaining("法定代表人身份证号：校验码错误")
                .hasMessageContaining("须填写重大危险源等级");
        // officer1's detachment supervises district-level firms of 东城 only, not a township's
        assertThatThrownBy(() -> registry.register(form("示例越权有限公司", validUscc("139902", 1005), "139902001", SupervisionLevel.TOWNSHIP)))
                .hasMessageContaining("不在本单位及下级单位的范围内");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void search_filters_by_name_bigram_pinyin_initials_industry_town_risk_status_and_level() {
        actAs(users, "supervisor1");
        EnterpriseSummary any = registry.search(EnterpriseQuery.all(), 0, 1).items().get(0);
        String twoChars = any.name().substring(2, 4);
        Page<EnterpriseSummary> byName = registry.search(EnterpriseQuery.all().withKeyword(twoChars), 0, 50);
        assertThat(byName.items()).isNotEmpty().allMatch(e -> e.name().contains(twoChars));

        String initials = cn.zhifa.registry.internal.SearchTerms.initials(any.name()).substring(2, 6);
        assertThat(registry.search(EnterpriseQuery.all().withKeyword(initials), 0, 50).items()).extracting(EnterpriseSummary::id).contains(any.id());
        assertThat(registry.search(EnterpriseQuery.all().withKeyword(any.uscc()), 0, 50).items()).singleElement()
                .extracting(EnterpriseSummary::id).isEqualTo(any.id());

        Page<EnterpriseSummary> chemicals = registry.search(new EnterpriseQuery(null, null, "C26", "139902", RiskFeature.MAJOR_HAZARD,
                EnterpriseStatus.OPERATING, null, null, null, EnterpriseQuery.Sort.NAME), 0, 200);
        assertThat(chemicals.items()).allSatisfy(e -> {
            assertThat(e.industry().divisionCode()).isEqualTo("26");
            assertThat(e.townCode()).startsWith("139902");
            assertThat(e.riskFeatures()).contains(RiskFeature.MAJOR_HAZARD);
            assertThat(e.majorHazardGrade()).isBetween(1, 4);
            assertThat(e.status()).isEqualTo(EnterpriseStatus.OPERATING);
        });
        Page<EnterpriseSummary> township = registry.search(new EnterpriseQuery(null, null, "C", null, null, null,
                SupervisionLevel.TOWNSHIP, null, null, EnterpriseQuery.Sort.EMPLOYEES), 0, 50);
        assertThat(township.items()).isNotEmpty().allMatch(e -> e.supervisionLevel() == SupervisionLevel.TOWNSHIP
                && e.industry().sectionCode().equals("C"));
        assertThat(township.items()).extracting(EnterpriseSummary::employees).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void an_officer_sees_only_the_enterprises_of_their_own_unit() {
        actAs(users, "officer1");
        Page<EnterpriseSummary> own = registry.search(EnterpriseQuery.all(), 0, 200);
        assertThat(own.total()).isPositive();
        long ownUnit = users.findByUsername("officer1").orElseThrow().organizationId();
        assertThat(own.items()).allMatch(e -> e.organizationId() == ownUnit);

        actAs(users, "supervisor1");
        EnterpriseSummary township = registry.search(new EnterpriseQuery(null, null, null, "139903", null, null,
                SupervisionLevel.TOWNSHIP, null, null, null), 0, 1).items().get(0);
        actAs(users, "officer1");
        assertThatThrownBy(() -> registry.profile(township.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void near_duplicate_names_in_one_town_are_offered_for_merge_and_the_merge_keeps_history() {
        actAs(users, "supervisor1");
        List<MergeCandidate> candidates = registry.mergeCandidates();
        assertThat(candidates).isNotEmpty();
        MergeCandidate pair = candidates.get(0);
        EnterpriseSummary keep = pair.enterprises().get(0);
        EnterpriseSummary duplicate = pair.enterprises().get(1);
        registry.merge(duplicate.id(), keep.id());

        assertThat(registry.mergeCandidates()).noneMatch(c -> c.nameKey().equals(pair.nameKey()) && c.townCode().equals(pair.townCode()));
        assertThat(registry.profile(keep.id()).history()).extracting(EnterpriseChange::field).contains("合并");
        assertThat(registry.search(EnterpriseQuery.all().withKeyword(duplicate.uscc()), 0, 10).items()).isEmpty();
        assertThat(registry.find(duplicate.id())).isPresent();
        assertThatThrownBy(() -> registry.merge(duplicate.id(), keep.id())).hasMessageContaining("已合并");
    }

    @Test
    void the_draw_pool_returns_enterprises_in_business_matching_the_filter() {
        actAs(users, "supervisor1");
        Set<Long> all = Set.copyOf(registry.search(EnterpriseQuery.all(), 0, 200).items().stream()
                .map(EnterpriseSummary::organizationId).toList());
        List<EnterpriseSummary> pool = registry.pool(new PoolFilter(all, Set.of("C"), "1399",
                Set.of(RiskFeature.LABOUR_INTENSIVE, RiskFeature.CONFINED_SPACE), Set.of(), true));
        assertThat(pool).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EnterpriseStatus.OPERATING);
            assertThat(e.industry().sectionCode()).isEqualTo("C");
            assertThat(e.whitelisted()).isFalse();
            assertThat(e.riskFeatures()).containsAnyOf(RiskFeature.LABOUR_INTENSIVE, RiskFeature.CONFINED_SPACE);
        });
    }
}
