package cn.zhifa.casework;

import static cn.zhifa.casework.Checks.notBlank;
import static cn.zhifa.casework.Checks.require;

import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * 行刑衔接 on a case (国务院《行政执法机关移送涉嫌犯罪案件的规定》), part of the {@link PenaltyCase} aggregate: each 移送 to
 * public security with its copy to the 人民检察院 (第七条), one pending at a time, and the receiver's acceptance or return.
 */
class CriminalReferrals {

    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<CriminalReferral> referrals = new ArrayList<>();

    CriminalReferrals() {
    }

    Optional<CriminalReferral> pending() {
        return referrals.stream().filter(CriminalReferral::pending).findFirst();
    }

    /** One transfer pending at a time. */
    Verdict mayRefer() {
        return pending().map(r -> Verdict.refuse("本案已于" + r.referredOn() + "移送" + r.receiver()
                + "，尚待其作出是否立案的决定。")).orElse(Verdict.allow());
    }

    CriminalReferral refer(LocalDate day, String approvedBy, String receiver, String procuratorate, String reason) {
        require(notBlank(receiver), "请填写接收移送的公安机关。");
        require(notBlank(procuratorate), "移送涉嫌犯罪案件应当抄送同级人民检察院，请填写（《行政执法机关移送涉嫌犯罪案件的规定》第七条）。");
        require(notBlank(reason), "请填写涉嫌犯罪的事实和理由。");
        CriminalReferral referral = new CriminalReferral(referrals.size() + 1, receiver.strip(), procuratorate.strip(),
                reason.strip(), day, approvedBy, null, null, null);
        referrals.add(referral);
        return referral;
    }

    Verdict mayRecordOutcome(int number) {
        Optional<CriminalReferral> found = number >= 1 && number <= referrals.size()
                ? Optional.of(referrals.get(number - 1)) : Optional.empty();
        if (found.isEmpty()) {
            return Verdict.refuse("本案没有第" + number + "号涉嫌犯罪移送。");
        }
        return found.get().pending() ? Verdict.allow()
                : Verdict.refuse("该移送已于" + found.get().outcomeOn() + "登记结果（" + found.get().status() + "）。");
    }

    /** Accepted (立案) or returned (不予立案, with the reason). */
    CriminalReferral recordOutcome(int number, ReferralOutcome outcome, LocalDate day, String note) {
        require(outcome != null, "请选择公安机关的决定（立案或者不予立案退回）。");
        require(outcome == ReferralOutcome.ACCEPTED || notBlank(note), "请填写公安机关不予立案的理由。");
        CriminalReferral r = referrals.get(number - 1).decided(outcome, day, notBlank(note) ? note.strip() : null);
        referrals.set(number - 1, r);
        return r;
    }

    /** Gives the transfers the case's organisation id (see {@link PenaltyCase#keyChildren}). */
    void keyChildren(long organizationId) {
        referrals.replaceAll(r -> r.keyed(organizationId));
    }

    List<CriminalReferral> all() {
        return List.copyOf(referrals);
    }
}
