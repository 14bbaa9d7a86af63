package cn.zhifa.planning.internal;

import cn.zhifa.planning.CreditStandings;
import cn.zhifa.planning.EnforcementLevel;
import cn.zhifa.planning.EnterpriseFeatures;
import cn.zhifa.planning.Grade;
import cn.zhifa.planning.Grading;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.SupervisionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Planning grades on the credit module's standing, not on demo rows: with no demo data a firm still has its grade. */
class CreditGradeSourceTest {

    static final EnterpriseSummary FIRM = new EnterpriseSummary(7, "示例化工有限公司", "91350100M000100Y43", "赵某", "东城区",
            "110101001", null, Set.of(), null, EnterpriseStatus.values()[0], SupervisionLevel.values()[0], 3, false, 50);

    static EnterpriseFeatureSource source(CreditStandings credit) {
        EnterpriseManagement registry = mock(EnterpriseManagement.class);
        when(registry.find(7)).thenReturn(Optional.of(FIRM));
        StaticListableBeanFactory beans = credit == null ? new StaticListableBeanFactory()
                : new StaticListableBeanFactory(Map.of("credit", credit));
        return new EnterpriseFeatureSource(registry, beans.getBeanProvider(CreditStandings.class));
    }

    @Test
    void the_grade_accidents_and_cases_come_from_the_credit_standing() {
        CreditStandings credit = ids -> Map.of(7L, new CreditStandings.Standing("较差", 1, 2, null, null));

        EnterpriseFeatures firm = source(credit).find(7).orElseThrow();

        assertThat(firm.creditGrade()).isEqualTo("较差");
        assertThat(firm.recentAccidents()).isEqualTo(1);
        assertThat(firm.recentCases()).isEqualTo(2);
    }

    @Test
    void without_a_credit_module_a_firm_is_unrated() {
        EnterpriseFeatures firm = source(null).find(7).orElseThrow();

        assertThat(firm.creditGrade()).isEqualTo(EnterpriseFeatures.CREDIT_UNRATED);
        assertThat(firm.recentCases()).isZero();
    }

    @Test
    void a_listed_firm_is_inspected_at_least_as_often_as_joint_punishment_requires() {
        Grading graded = new Grading(7, 2026, Grade.B, 2, EnforcementLevel.DISTRICT, 1L, "信用等级较差", List.of("信用等级为：较差"));
        CreditStandings.Standing listed = new CreditStandings.Standing("严重失信", 0, 1, 4, "列入严重失信主体名单，联合惩戒");

        Grading raised = graded.withMinimumFrequency(listed);

        assertThat(raised.annualFrequency()).isEqualTo(4);
        assertThat(raised.grade()).isEqualTo(Grade.B);
        assertThat(raised.reasons()).contains("列入严重失信主体名单，联合惩戒");
        assertThat(graded.withMinimumFrequency(new CreditStandings.Standing("良好", 0, 0, null, null))).isSameAs(graded);
        assertThat(new Grading(7, 2026, Grade.A, 6, EnforcementLevel.CITY, 1L, "一级", List.of()).withMinimumFrequency(listed)
                .annualFrequency()).isEqualTo(6);
    }
}
