package cn.zhifa.documents.web;

import java.util.Collection;

/**
 * What the document pages need from the foundation: the data scope of the signed-in user, organisation names,
 * the ADMIN check, the audit target and the current user name.
 */
interface DocumentsScope {

    Collection<Long> visibleOrganizationIds();

    /** Throws when the organisation is outside the user's data scope. */
    void require(long organizationId);

    String organizationName(long organizationId);

    /** Throws unless the user is a system administrator (ADMIN). */
    void requireAdmin();

    void auditTarget(String type, Object id);

    String currentUser();

    /**
     * The units a per-unit table lists, every one even without documents: the user's own unit (its own documents) and
     * each unit directly under it (with everything under that), in the organisation tree's order.
     */
    java.util.List<Unit> statisticsUnits();

    /** A unit of a per-unit table and the organisations its figures add up. */
    record Unit(String name, Collection<Long> organizationIds) {}

    /** Every unit of the user's scope in the tree's order, indented by depth (the list's 单位 filter). */
    java.util.List<UnitOption> unitOptions();

    /** The organisations of a unit's subtree that the user may see (none for a unit outside the scope). */
    Collection<Long> visibleSubtree(long organizationId);

    /** A choice of the 单位 filter: the unit and its name indented by its depth below the user's own unit. */
    record UnitOption(long id, String label) {}
}
