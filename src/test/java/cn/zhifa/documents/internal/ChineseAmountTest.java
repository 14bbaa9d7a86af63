package cn.zhifa.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest
    @CsvSource({
            "50000, 伍万元整",
            "54500.00, 伍万肆仟伍佰元整",
            "1234.50, 壹仟贰佰叁拾肆元伍角",
            "1005.07, 壹仟零伍元零柒分",
            "100000, 壹拾万元整",
            "20000000, 贰仟万元整",
            "10010, 壹万零壹拾元整",
            "0.30, 叁角",
            "0, 零元整",
            "3000, 叁仟元整",
            "200, 贰佰元整"})
    void amounts_are_written_in_capital_numerals(String amount, String expected) {
        assertThat(ChineseAmount.of(new BigDecimal(amount))).isEqualTo(expected);
    }
}
