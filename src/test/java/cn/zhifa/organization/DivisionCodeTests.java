package cn.zhifa.organization;

import static cn.zhifa.organization.OrganizationKind.CITY;
import static cn.zhifa.organization.OrganizationKind.DEPARTMENT;
import static cn.zhifa.organization.OrganizationKind.DISTRICT;
import static cn.zhifa.organization.OrganizationKind.PROVINCE;
import static cn.zhifa.organization.OrganizationKind.TOWNSHIP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionCodeTests {

    @Test
    void accepts_codes_that_fit_their_level_and_parent() {
        assertThat(DivisionCode.check("120000", PROVINCE, null, null).allowed()).isTrue();
        assertThat(DivisionCode.check("120100", CITY, "120000", PROVINCE).allowed()).isTrue();
        assertThat(DivisionCode.check("120110", DISTRICT, "120100", CITY).allowed()).isTrue();
        assertThat(DivisionCode.check("120110001", TOWNSHIP, "120110", DISTRICT).allowed()).isTrue();
        assertThat(DivisionCode.check("120110001000", TOWNSHIP, "120110", DISTRICT).allowed()).isTrue();
        assertThat(DivisionCode.check(null, DEPARTMENT, "120110", DISTRICT).allowed()).isTrue();
    }

    @Test
    void refuses_codes_of_the_wrong_shape_level_or_area() {
        assertThat(DivisionCode.check("120100", PROVINCE, null, null).reason()).contains("0000 结尾");
        assertThat(DivisionCode.check("120000", CITY, null, null).reason()).contains("以 00 结尾");
        assertThat(DivisionCode.check("120100", DISTRICT, "120100", CITY).reason()).contains("末两位不为 00");
        assertThat(DivisionCode.check("1201100", TOWNSHIP, "120110", DISTRICT).reason()).contains("9 位或 12 位");
        assertThat(DivisionCode.check("990100", CITY, null, null).reason()).contains("不是有效的省级代码");
        assertThat(DivisionCode.check("12a100", CITY, null, null).reason()).contains("只能由数字组成");
        assertThat(DivisionCode.check("130110", DISTRICT, "120100", CITY).reason()).contains("不属于上级单位的区划");
        assertThat(DivisionCode.check("120111001", TOWNSHIP, "120110", DISTRICT).reason()).contains("不属于上级单位的区划");
        assertThat(DivisionCode.check("", DISTRICT, "120100", CITY).reason()).contains("必须填写行政区划代码");
    }

    @Test
    void units_sit_only_under_the_parents_their_kind_allows() {
        assertThat(TOWNSHIP.mayHaveParent(DISTRICT)).isTrue();
        assertThat(TOWNSHIP.mayHaveParent(CITY)).isFalse();
        assertThat(DISTRICT.mayHaveParent(PROVINCE)).isFalse();
        assertThat(CITY.mayBeRoot()).isTrue();
        assertThat(DISTRICT.mayBeRoot()).isFalse();
    }
}
