package cn.zhifa.casework;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.law.PeriodCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final ViolationLibrary library;
    private final CasePeriods periods;

    CaseDocuments(DocumentManagement documents, ViolationLibrary library, CasePeriods periods) {
        this.documents = documents;
        this.library = library;
        this.periods = periods;
    }

    IssuedDocument issueNotice(PenaltyCase c, LocalDate day, String by) {
        Map<String, Object> fields = new LinkedHashMap<>(common(c, c.getFineYuan()));
        fields.put("facts", facts(c));
        fields.put("evidence", evidence(c));
        fields.put("statementDays", periods.label(PeriodCode.STATEMENT_AND_DEFENCE));
        return documents.issue(request(NOTICE, c, fields, day, by, "case-" + c.getId() + "-notice-" + day));
    }

    IssuedDocument issueDecision(PenaltyCase c, BigDecimal fineYuan, LocalDate day, String by) {
        Map<String, Object> fields = new LinkedHashMap<>(common(c, fineYuan));
        fields.put("factsAndEvidence", facts(c) + "\n" + "以上事实有下列证据证明：" + evidence(c));
        String kind = c.getParty().kind() == PartyKind.UNIT ? DECISION_UNIT : DECISION_PERSON;
        return documents.issue(request(kind, c, fields, day, by, "case-" + c.getId() + "-decision"));
    }

    private Map<String, Object> common(PenaltyCase c, BigDecimal fineYuan) {
        Violation v = library.get(c.getViolationCode());
        String penalty = (fineYuan == null || fineYuan.signum() == 0 ? "警告" : "罚款人民币" + DiscretionEngine.plain(fineYuan) + "元")
                + (c.getOtherMeasures() == null ? "" : "，" + c.getOtherMeasures());
        return Map.of("violated", v.articleTitle().replaceFirst("第.*条$", "") + "关于“" + v.description() + "”的有关",
                "basis", v.articleTitle(), "penalty", penalty);
    }

    private IssueRequest request(String kind, PenaltyCase c, Map<String, Object> fields, LocalDate day, String by, String key) {
        PartySnapshot p = c.getParty();
        Party party = p.kind() == PartyKind.UNIT
                ? Party.unit("party", p.name(), p.code(), p.legalRepresentative(), null, p.address(), null, null)
                : Party.person("party", p.name(), null, null, p.code(), null, null, p.address(), null, null);
        return new IssueRequest(kind, c.getOrganizationId(), new SourceRef("case", c.getCaseNumber()), fields, List.of(party),
                List.of(), List.of(), List.of(), day, by, key);
    }

    private static String facts(PenaltyCase c) {
        return c.getFacts() == null || c.getFacts().isBlank() ? c.getTitle() : c.getFacts();
    }

    private static String evidence(PenaltyCase c) {
        return c.getSteps().stream()
                .filter(s -> s.kind() == StepKind.INQUIRY || s.kind() == StepKind.SITE_EXAMINATION || s.kind() == StepKind.EVIDENCE)
                .map(s -> s.label() + "：" + s.opinion()).collect(Collectors.joining("；"));
    }
}
