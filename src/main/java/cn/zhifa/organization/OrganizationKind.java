package cn.zhifa.organization;

import java.util.Set;

/** The kinds of unit in the tree, with the parents each may have. */
public enum OrganizationKind {
    PROVINCE("省级"),
    CITY("市级"),
    DISTRICT("区（县）级"),
    TOWNSHIP("街道（乡镇）"),
    DETACHMENT("执法支队（大队）"),
    DEPARTMENT("科室"),
    ZONE("功能区");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kinds that may stand at the top of a deployment's tree. */
    public boolean mayBeRoot() {
        return this == PROVINCE || this == CITY;
    }

    public boolean mayHaveParent(OrganizationKind parent) {
        return switch (this) {
            case PROVINCE -> false;
            case CITY -> parent == PROVINCE;
            case DISTRICT -> parent == CITY;
            case TOWNSHIP -> parent == DISTRICT || parent == ZONE;
            case DETACHMENT, DEPARTMENT -> Set.of(PROVINCE, CITY, DISTRICT, ZONE).contains(parent);
            case ZONE -> parent == CITY || parent == DISTRICT;
        };
    }

    /** Administrative units carry their own division code; internal units inherit their parent's. */
    public boolean requiresDivisionCode() {
        return this == PROVINCE || this == CITY || this == DISTRICT || this == TOWNSHIP;
    }
}
