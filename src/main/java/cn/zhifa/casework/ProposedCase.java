package cn.zhifa.casework;

import java.time.LocalDate;

/**
 * A case to open (案件来源登记), from an inspection finding, an unrectified hazard, a complaint, an accident
 * investigation or a transfer. {@code violationCode} (a row of the {@link ViolationLibrary}) may be left open
 * until the penalty is proposed; {@code suggestedArticle} is the source's hint, e.g. "安全生产法第一百零二条".
 * {@code campaignId} is the 专项 (planning's campaign id) of the record or hazard the case comes from, if any.
 */
public record ProposedCase(CaseSource source, String sourceReference, CaseKind kind, long organizationId,
                           Long enterpriseId, PartySnapshot party, String title, String facts, LocalDate foundOn,
                           String suggestedArticle, String violationCode, AccidentFacts accident, Long linkedCaseId,
                           Long campaignId) {

    /** A case outside any 专项. */
    public ProposedCase(CaseSource source, String sourceReference, CaseKind kind, long organizationId, Long enterpriseId,
                        PartySnapshot party, String title, String facts, LocalDate foundOn, String suggestedArticle,
                        String violationCode, AccidentFacts accident, Long linkedCaseId) {
        this(source, sourceReference, kind, organizationId, enterpriseId, party, title, facts, foundOn, suggestedArticle,
                violationCode, accident, linkedCaseId, null);
    }

    /**
     * The case the hazard module proposes when a hazard is not rectified by its deadline (安全生产法第一百零二条).
     */
    public static ProposedCase unrectifiedHazard(long organizationId, long enterpriseId, PartySnapshot party, long hazardId,
                                                 String description, LocalDate foundOn) {
        return unrectifiedHazard(organizationId, enterpriseId, party, hazardId, description, foundOn, null);
    }

    /** As {@link #unrectifiedHazard(long, long, PartySnapshot, long, String, LocalDate)}, in the hazard's 专项. */
    public static ProposedCase unrectifiedHazard(long organizationId, long enterpriseId, PartySnapshot party, long hazardId,
                                                 String description, LocalDate foundOn, Long campaignId) {
        return new ProposedCase(CaseSource.HAZARD, "隐患#" + hazardId, CaseKind.ENFORCEMENT, organizationId, enterpriseId,
                party, "逾期未消除事故隐患：" + description, description, foundOn, "安全生产法第一百零二条", "102-1", null, null,
                campaignId);
    }

    ProposedCase linkedTo(long caseId, PartySnapshot otherParty, String otherViolationCode) {
        return new ProposedCase(source, sourceReference, kind, organizationId, enterpriseId, otherParty,
                title + "（责任人员）", facts, foundOn, suggestedArticle, otherViolationCode, accident, caseId, campaignId);
    }
}
