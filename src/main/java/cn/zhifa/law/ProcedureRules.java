package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import cn.zhifa.law.internal.LawProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Amount limits of the penalty procedure (行政处罚法) from configuration. */
public final class ProcedureRules {

    /** Who a penalty is imposed on, for the procedure's amount limits. */
    public enum PartyKind { CITIZEN, ORGANIZATION }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LawProperties.Procedure rules;

    public ProcedureRules(LawProperties.Procedure rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public static ProcedureRules bundled() {
        return new ProcedureRules(BundledLawData.properties().procedure());
    }

    /** 简易程序 (art 51): a warning, or a fine up to the party's limit ("以下" here includes the limit: "……以下罚款"). */
    public boolean summaryProcedureAllowed(PartyKind party, BigDecimal fineYuan) {
        return fineYuan.compareTo(summaryProcedureLimit(party)) <= 0;
    }

    public BigDecimal summaryProcedureLimit(PartyKind party) {
        LawProperties.SummaryProcedure limits = rules.summaryProcedure();
        return party == PartyKind.CITIZEN ? limits.citizenMaxYuan() : limits.organizationMaxYuan();
    }

    public String summaryProcedureSource() {
        return rules.summaryProcedure().source();
    }

    /** 当场收缴 (art 68) for small fines. */
    public boolean onTheSpotCollectionAllowed(BigDecimal fineYuan) {
        return fineYuan.compareTo(rules.onTheSpotCollection().maxYuan()) <= 0;
    }

    /** 听证 threshold "较大数额" (provincial, art 63): fines at or above it give a right to a hearing. */
    public boolean hearingRightByAmount(PartyKind party, BigDecimal fineYuan) {
        LawProperties.HearingThreshold threshold = rules.hearingThreshold();
        BigDecimal min = party == PartyKind.CITIZEN ? threshold.individualMinYuan() : threshold.organizationMinYuan();
        return fineYuan.compareTo(min) >= 0;
    }

    /** 加处罚款 (art 72): percent per day late of the fine, total capped at the fine. */
    public BigDecimal lateSurcharge(BigDecimal fineYuan, long daysLate) {
        if (daysLate <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        LawProperties.LatePaymentSurcharge surcharge = rules.latePaymentSurcharge();
        BigDecimal amount = fineYuan.multiply(surcharge.percentPerDay()).multiply(BigDecimal.valueOf(daysLate))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
        if (surcharge.cappedAtFine() && amount.compareTo(fineYuan) > 0) {
            amount = fineYuan.setScale(2, RoundingMode.HALF_UP);
        }
        return amount;
    }

    public String lateSurchargeSource() {
        return rules.latePaymentSurcharge().source();
    }

    /** At least this many officers for an inspection or investigation (art 42). */
    public int minimumOfficers() {
        return rules.minimumOfficers().count();
    }
}
