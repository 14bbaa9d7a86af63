package cn.zhifa.registry;

import cn.zhifa.shared.RuleViolation;

/**
 * A third-party agency's standing with the bureau: 正常 → 暂停 (e.g. 责令暂停培训) ⇄ 恢复 → 撤销 (取消资质/等级, final).
 * Each transition names what it needs and refuses, in Chinese, what the current status does not allow.
 */
public enum AgencyStatus {
    ACTIVE("正常"),
    SUSPENDED("暂停"),
    REVOKED("撤销");

    private final String label;

    AgencyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    AgencyStatus suspend() {
        if (this != ACTIVE) {
            throw new RuleViolation("只有状态正常的机构才能暂停，当前状态为“" + label + "”。");
        }
        return SUSPENDED;
    }

    AgencyStatus restore() {
        if (this != SUSPENDED) {
            throw new RuleViolation("只有被暂停的机构才能恢复，当前状态为“" + label + "”。");
        }
        return ACTIVE;
    }

    AgencyStatus revoke() {
        if (this == REVOKED) {
            throw new RuleViolation("该机构已撤销。");
        }
        return REVOKED;
    }

    /** Whether the agency may take on (be registered as serving) another enterprise. */
    boolean mayServe() {
        return this == ACTIVE;
    }
}
