package cn.zhifa.registry.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.validation.BindingResult;

/** Turns binding failures (a word where a number belongs) and validation messages into one Chinese sentence. */
final class BindingMessages {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("employees", "从业人数"), Map.entry("annualOutputWan", "年产值（万元）"),
            Map.entry("majorHazardGrade", "重大危险源等级"), Map.entry("status", "经营状态"), Map.entry("level", "监管层级"),
            Map.entry("riskFeatures", "风险特征"), Map.entry("issuedOn", "发证日期"), Map.entry("expiresOn", "有效期截止日期"),
            Map.entry("userId", "执法人员"), Map.entry("hours", "学时"), Map.entry("examScore", "考试成绩"),
            Map.entry("completedOn", "完成日期"), Map.entry("termStart", "任期开始日期"), Map.entry("termEnd", "任期结束日期"));

    private BindingMessages() {
    }

    static String of(BindingResult errors) {
        return errors.getFieldErrors().stream()
                .map(e -> e.isBindingFailure()
                        ? FIELDS.getOrDefault(e.getField(), e.getField()) + "格式不正确（“" + e.getRejectedValue() + "”）"
                        : e.getDefaultMessage())
                .collect(Collectors.joining("；")) + "。";
    }
}
