package cn.zhifa.casework;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The small checks every part of a case uses: a rule that throws its Chinese message, text present, a role. */
final class Checks {

    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new RuleViolation(message);
        }
    }

    static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    static String orDefault(String text, String fallback) {
        return notBlank(text) ? text.strip() : fallback;
    }

    static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static Verdict role(Acting by, Role role, String what) {
        return by.has(role) ? Verdict.allow() : Verdict.refuse(what + "须由" + role.label() + "作出。");
    }
}
