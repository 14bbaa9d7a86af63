package cn.zhifa.planning;

import cn.zhifa.organization.OrganizationKind;

/** The one level (市/区/乡镇) that enforces at a firm, so no firm is inspected by two levels for the same thing. */
public enum EnforcementLevel {
    CITY("市级"), DISTRICT("区级"), TOWNSHIP("乡镇（街道）级");

    private final String label;

    EnforcementLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level an organisation enforces at, from its kind and, for detachments and departments, its parent's. */
    public static EnforcementLevel of(OrganizationKind kind, OrganizationKind parentKind) {
        return switch (kind) {
            case PROVINCE, CITY -> CITY;
            case DISTRICT, ZONE -> DISTRICT;
            case TOWNSHIP -> TOWNSHIP;
            case DETACHMENT, DEPARTMENT -> parentKind == null ? CITY : of(parentKind, null);
        };
    }
}
