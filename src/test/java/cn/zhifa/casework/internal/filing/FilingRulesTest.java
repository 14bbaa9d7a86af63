package cn.zhifa.casework.internal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casework.ProcedureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which 备案 a decision owes under the shipped rules (casework-rules.yml, zhifa.casework.filing). */
class FilingRulesTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 10);
    private final FilingRules rules = FilingRules.bundled();

    @Test
    void an_on_the_spot_decision_is_always_reported_to_the_agency_even_a_warning() {
        for (String fine : new String[] {"0", "200", "3000"}) {
            var due = rules.due(ProcedureKind.SUMMARY, new BigDecimal(fine), DECIDED);
            assertThat(due).hasSize(1);
            assertThat(due.get(0).kind()).isEqualTo(FilingKind.ON_THE_SPOT);
            assertThat(due.get(0).body()).isEqualTo("所属行政机关（本局）");
            assertThat(due.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 3, 13));
            assertThat(due.get(0).source()).contains("第五十二条第三款");
        }
        assertThat(rules.onTheSpot().confirmed()).as("the reporting period is a local rule").isFalse();
    }

    @Test
    void a_fine_over_fifty_thousand_is_filed_with_the_city_bureau_and_the_district_justice_bureau() {
        var due = rules.due(ProcedureKind.ORDINARY, new BigDecimal("50000.01"), DECIDED);
        assertThat(due).extracting(FilingRules.Due::body).containsExactly("市应急管理局", "区司法局");
        assertThat(due).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(FilingKind.MAJOR);
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 3, 25));
        });
        assertThat(rules.major().confirmed()).isFalse();
    }

    @Test
    void fifty_thousand_itself_is_not_over_the_line_and_an_ordinary_decision_below_it_owes_nothing() {
        assertThat(rules.due(ProcedureKind.ORDINARY, new BigDecimal("50000"), DECIDED)).isEmpty();
        assertThat(rules.due(ProcedureKind.ORDINARY, new BigDecimal("20000"), DECIDED)).isEmpty();
        assertThat(rules.due(ProcedureKind.ORDINARY, null, DECIDED)).isEmpty();
        assertThat(rules.due(ProcedureKind.ORDINARY, new BigDecimal("200000"), null)).isEmpty();
    }

    @Test
    void a_status_is_named_by_its_code_or_its_chinese_label() {
        assertThat(FilingStatus.parse("overdue")).isEqualTo(FilingStatus.OVERDUE);
        assertThat(FilingStatus.parse("已备案")).isEqualTo(FilingStatus.RECORDED);
        assertThat(FilingStatus.parse(" ")).isNull();
        assertThat(FilingStatus.parse("完成")).isNull();
    }
}
