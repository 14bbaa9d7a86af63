package cn.zhifa.organization.web;

import cn.zhifa.organization.SecurityPolicy;
import jakarta.validation.constraints.NotNull;

/** The policy form; empty or non-numeric fields are reported per field. */
record SecurityPolicyForm(
        @NotNull(message = "请填写密码最小长度") Integer passwordMinLength,
        @NotNull(message = "请填写密码字符种类数") Integer passwordMinClasses,
        @NotNull(message = "请填写锁定阈值") Integer lockoutThreshold,
        @NotNull(message = "请填写锁定时长") Integer lockoutMinutes,
        @NotNull(message = "请填写会话空闲超时") Integer sessionIdleMinutes,
        @NotNull(message = "请填写令牌有效期") Integer tokenTtlMinutes,
        @NotNull Integer version) {

    static SecurityPolicyForm of(SecurityPolicy policy) {
        return new SecurityPolicyForm(policy.passwordMinLength(), policy.passwordMinClasses(), policy.lockoutThreshold(),
                policy.lockoutMinutes(), policy.sessionIdleMinutes(), policy.tokenTtlMinutes(), policy.version());
    }

    SecurityPolicy toPolicy() {
        return new SecurityPolicy(passwordMinLength, passwordMinClasses, lockoutThreshold, lockoutMinutes,
                sessionIdleMinutes, tokenTtlMinutes, version);
    }
}
