package cn.zhifa.organization;

/** What other modules and pages may know of a unit. {@code depth} 1 is the root. */
public record OrganizationView(long id, Long parentId, String name, String shortName, OrganizationKind kind,
                               String divisionCode, int depth, int sortOrder) {

    public String kindLabel() {
        return kind.label();
    }
}
