package cn.zhifa.casework.internal.service;

import java.time.LocalDate;

/**
 * The service of one issued document of a case: how, the recorded day ({@link ServiceMethod#eventLabel()}) and the day
 * it counts as served, from which the party's periods run.
 */
public record DocumentService(long documentId, String documentKind, String documentTitle, String documentNumber,
                              LocalDate issuedOn, ServiceMethod method, LocalDate eventOn, LocalDate servedOn, String recipient,
                              String receiptNumber, Long confirmationId) {

    /** 行政处罚告知书: the 陈述申辩 and 听证申请 periods run from its service. */
    public boolean notice() {
        return documentKind.equals("PENALTY_NOTICE");
    }

    /** 行政处罚决定书 (general or on the spot): 缴款、复议、诉讼 run from its service. */
    public boolean decision() {
        return decision(documentKind);
    }

    /** Is a document of this kind a 行政处罚决定书 (general or on the spot). */
    static boolean decision(String kind) {
        return kind.startsWith("PENALTY_DECISION") || kind.equals("ON_SPOT_PENALTY");
    }

    /** 履行义务催告书: the ten days before a court-enforcement application run from its service (行政强制法第五十四条). */
    public boolean reminder() {
        return documentKind.equals(CaseServices.REMINDER_KIND);
    }
}
