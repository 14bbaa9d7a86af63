package cn.zhifa.casework;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.law.PeriodCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Issues the case's standard documents through the documents module, filled from the recorded steps: the
 * 行政处罚告知书 at notice and the 行政处罚决定书 (单位/个人) at the decision. Runs in the command's transaction, so a
 * refusal (e.g. the authority's document settings are incomplete) leaves the case unchanged.
 */
@Component
class CaseDocuments {

    static final String NOTICE = "PENALTY_NOTICE";
    static final String DECISION_UNIT = "PENALTY_DECISION_UNIT";
    static final String DECISION_PERSON = "PENALTY_DECISION_PERSON";

    private final DocumentManagement documents;
    private final CaseProcedureDocuments procedure;
    private final CasePeriods periods;

    CaseDocuments(DocumentManagement documents, CaseProcedureDocuments procedure, CasePeriods periods) {
        this.documents = documents;
        this.procedure = procedure;
        this.periods = periods;
    }

    IssuedDocument issueNotice(PenaltyCase c, LocalDate day, String by) {
        Map<String, Object> fields = new LinkedHashMap<>(common(c, c.getFineYuan()));
        fields.put("facts", CaseProcedureDocuments.facts(c));
        fields.put("evidence", CaseProcedureDocuments.evidence(c));
        fields.put("statementDays", periods.label(PeriodCode.STATEMENT_AND_DEFENCE));
        return documents.issue(request(NOTICE, c, fields, day, by, "case-" + c.getId() + "-notice-" + day));
    }

    IssuedDocument issueDecision(PenaltyCase c, BigDecimal fineYuan, LocalDate day, String by) {
        Map<String, Object> fields = new LinkedHashMap<>(common(c, fineYuan));
        fields.put("factsAndEvidence", CaseProcedureDocuments.facts(c) + "\n" + "以上事实有下列证据证明："
                + CaseProcedureDocuments.evidence(c));
        String kind = c.getParty().kind() == PartyKind.UNIT ? DECISION_UNIT : DECISION_PERSON;
        return documents.issue(request(kind, c, fields, day, by, "case-" + c.getId() + "-decision"));
    }

    private Map<String, Object> common(PenaltyCase c, BigDecimal fineYuan) {
        return Map.of("violated", procedure.violated(c), "basis", procedure.basis(c),
                "penalty", CaseProcedureDocuments.penalty(c, fineYuan));
    }

    private IssueRequest request(String kind, PenaltyCase c, Map<String, Object> fields, LocalDate day, String by, String key) {
        return new IssueRequest(kind, c.getOrganizationId(), CaseProcedureDocuments.source(c), fields,
                List.of(procedure.party(c)), List.of(), List.of(), List.of(), day, by, key);
    }
}
