package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 行刑衔接 (《行政执法机关移送涉嫌犯罪案件的规定》, 国务院令第310号): a case suspected to be a crime is transferred to public
 * security with a copy to the 人民检察院 (第七条), and public security accepts it (立案) or returns it (不予立案); part of
 * the {@link PenaltyCase} aggregate, {@code outcome} null while pending. A transfer does not end the administrative
 * case by itself: after a return the case goes on.
 */
@Table("case_referral")
public record CriminalReferral(int number, String receiver, String procuratorate, String reason, LocalDate referredOn,
                               String approvedBy, ReferralOutcome outcome, LocalDate outcomeOn, String outcomeNote,
                               @JsonIgnore Long organizationId) {

    public CriminalReferral(int number, String receiver, String procuratorate, String reason, LocalDate referredOn,
                            String approvedBy, ReferralOutcome outcome, LocalDate outcomeOn, String outcomeNote) {
        this(number, receiver, procuratorate, reason, referredOn, approvedBy, outcome, outcomeOn, outcomeNote, null);
    }

    CriminalReferral keyed(long organizationId) {
        return new CriminalReferral(number, receiver, procuratorate, reason, referredOn, approvedBy, outcome, outcomeOn,
                outcomeNote, organizationId);
    }

    public boolean pending() {
        return outcome == null;
    }

    /** In Chinese: 待公安机关决定 / 公安机关立案侦查 / 公安机关不予立案，退回. */
    public String status() {
        return outcome == null ? "待公安机关决定是否立案" : outcome.label();
    }

    CriminalReferral decided(ReferralOutcome how, LocalDate on, String note) {
        return new CriminalReferral(number, receiver, procuratorate, reason, referredOn, approvedBy, how, on, note,
                organizationId);
    }
}
