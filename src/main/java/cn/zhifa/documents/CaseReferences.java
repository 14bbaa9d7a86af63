package cn.zhifa.documents;

/**
 * Implemented by the module that owns penalty cases: the reference a case's documents carry, so that documents can be
 * listed by case id without this module knowing cases. Refuses ids outside the caller's data scope as the owner does.
 */
public interface CaseReferences {

    /**
     * @throws cn.zhifa.shared.RuleViolation (not found) for an unknown case
     * @throws org.springframework.security.access.AccessDeniedException for a case outside the caller's scope
     */
    SourceRef ofCase(long caseId);
}
