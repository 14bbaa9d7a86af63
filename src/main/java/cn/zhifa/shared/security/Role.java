package cn.zhifa.shared.security;

/** The roles of DESIGN.md. ADMIN, SECURITY_ADMIN and AUDITOR are the 三员 and exclude each other. */
public enum Role {
    OFFICER("执法人员"),
    LEADER("案件承办/审批领导"),
    LEGAL("法制审核人员"),
    SUPERVISOR("执法监督人员"),
    ADMIN("系统管理员"),
    SECURITY_ADMIN("安全管理员"),
    AUDITOR("安全审计员"),
    /** A monitoring system pushing alarms and patrol results: no user account, no login, no pages. */
    SYSTEM_CLIENT("监测系统接入客户端");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a user account may hold this role (a system client is not a user). */
    public boolean assignableToUsers() {
        return this != SYSTEM_CLIENT;
    }

    public boolean isSystemAdministration() {
        return this == ADMIN || this == SECURITY_ADMIN || this == AUDITOR;
    }
}
