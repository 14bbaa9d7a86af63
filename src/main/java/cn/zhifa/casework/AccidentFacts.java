package cn.zhifa.casework;

import java.math.BigDecimal;

/** The figures an accident case is graded on (生产安全事故报告和调查处理条例第三条). */
public record AccidentFacts(int deaths, int seriousInjuries, BigDecimal directLossYuan) {
}
