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
}
