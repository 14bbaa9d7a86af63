package cn.zhifa.credit.internal;

import cn.zhifa.shared.Verdict;

import java.time.LocalDate;

/**
 * A 严重失信主体名单 entry through its procedure: 提议 (PROPOSED) → 告知, with the period for 陈述申辩 (NOTIFIED) →
 * 列入决定 with its 决定书 (LISTED, published until {@code expiresOn}) → 移出 at the end of the term or early after
 * 信用修复 (REMOVED, publication stopped); or 不予列入 (DROPPED) after the statement. Each guard answers in Chinese.
 */
public record Listing(Long id, long enterpriseId, String enterpriseName, String uscc, long organizationId,
                      String authority, String groundCode, String groundText, Long caseId, String caseReference,
                      Status status, LocalDate proposedOn, LocalDate notifiedOn, LocalDate statementDue, String statement,
                      LocalDate decidedOn, String decisionNumber, Long decisionDocumentId, LocalDate expiresOn,
                      LocalDate earlyRemovalFrom, LocalDate removedOn, RemovalKind removalKind, String removalReason,
                      LocalDate publicationStopDue, LocalDate publicationStoppedOn, String droppedReason, int version) {

    public enum Status {
        PROPOSED("拟列入（待告知）"), NOTIFIED("已告知（陈述申辩期）"), LISTED("已列入"), REMOVED("已移出"), DROPPED("不予列入");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum RemovalKind {
        EXPIRED("管理期满移出"), REPAIRED("信用修复提前移出");

        private final String label;

        RemovalKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Verdict mayNotify() {
        return status == Status.PROPOSED ? Verdict.allow() : Verdict.refuse("只有拟列入、尚未告知的可以告知。");
    }

    public Verdict mayRecordStatement() {
        return status == Status.NOTIFIED ? Verdict.allow() : Verdict.refuse("只有已告知、尚未决定的可以记录陈述申辩。");
    }

    /** 列入 only after the party was told and either argued back or let the period pass. */
    public Verdict mayDecide(LocalDate today) {
        if (status != Status.NOTIFIED) {
            return Verdict.refuse("列入决定须在告知当事人之后作出。");
        }
        if ((statement == null || statement.isBlank()) && today.isBefore(statementDue.plusDays(1))) {
            return Verdict.refuse("陈述申辩期至 " + statementDue + " 止，期满或当事人陈述申辩后方可作出列入决定。");
        }
        return Verdict.allow();
    }

    public Verdict mayDrop() {
        return status == Status.PROPOSED || status == Status.NOTIFIED ? Verdict.allow()
                : Verdict.refuse("已作出列入决定，不能改为不予列入。");
    }

    public Verdict mayRemoveEarly(LocalDate today) {
        if (status != Status.LISTED) {
            return Verdict.refuse("只有在名单内的主体可以申请提前移出。");
        }
        if (today.isBefore(earlyRemovalFrom)) {
            return Verdict.refuse("列入满最短期限后方可申请提前移出（" + earlyRemovalFrom + " 起）。");
        }
        return Verdict.allow();
    }

    public boolean expiredOn(LocalDate today) {
        return status == Status.LISTED && !today.isBefore(expiresOn);
    }

    /** On the public list on the day: listed, not yet expired. */
    public boolean publishedOn(LocalDate today) {
        return status == Status.LISTED && today.isBefore(expiresOn);
    }
}
