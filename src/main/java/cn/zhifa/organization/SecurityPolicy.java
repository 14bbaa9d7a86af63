package cn.zhifa.organization;

import cn.zhifa.shared.Verdict;
import java.time.Duration;

/**
 * The password, lockout and session policy set by the SECURITY_ADMIN (defaults: 8 characters of 3
 * kinds, lock for 15 minutes after 5 failures, 30-minute idle timeout, 8-hour API tokens).
 */
public record SecurityPolicy(int passwordMinLength, int passwordMinClasses, int lockoutThreshold, int lockoutMinutes,
                             int sessionIdleMinutes, int tokenTtlMinutes, int version) {

    public Duration lockoutDuration() {
        return Duration.ofMinutes(lockoutMinutes);
    }

    public Duration sessionIdle() {
        return Duration.ofMinutes(sessionIdleMinutes);
    }

    public Duration tokenTtl() {
        return Duration.ofMinutes(tokenTtlMinutes);
    }

    /** Whether the policy itself is sensible (the bounds keep an administrator from disabling protection). */
    public Verdict check() {
        if (passwordMinLength < 8 || passwordMinLength > 64) {
            return Verdict.refuse("密码最小长度应在 8 至 64 位之间。");
        }
        if (passwordMinClasses < 1 || passwordMinClasses > 4) {
            return Verdict.refuse("密码须包含的字符种类数应在 1 至 4 之间。");
        }
        if (lockoutThreshold < 3 || lockoutThreshold > 10) {
            return Verdict.refuse("连续登录失败锁定次数应在 3 至 10 次之间。");
        }
        if (lockoutMinutes < 1 || lockoutMinutes > 1440) {
            return Verdict.refuse("锁定时长应在 1 至 1440 分钟之间。");
        }
        if (sessionIdleMinutes < 1 || sessionIdleMinutes > 120) {
            return Verdict.refuse("会话空闲超时应在 1 至 120 分钟之间。");
        }
        if (tokenTtlMinutes < 5 || tokenTtlMinutes > 1440) {
            return Verdict.refuse("接口令牌有效期应在 5 至 1440 分钟之间。");
        }
        return Verdict.allow();
    }

    /** Checks a new password against this policy. */
    public Verdict checkPassword(String password, String username) {
        if (password == null || password.length() < passwordMinLength) {
            return Verdict.refuse("密码长度不能少于 " + passwordMinLength + " 位。");
        }
        if (password.length() > 64) {
            return Verdict.refuse("密码长度不能超过 64 位。");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < passwordMinClasses) {
            return Verdict.refuse("密码须包含大写字母、小写字母、数字、特殊符号中的至少 " + passwordMinClasses + " 种。");
        }
        if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
            return Verdict.refuse("密码不能包含用户名。");
        }
        return Verdict.allow();
    }
}
