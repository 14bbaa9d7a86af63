package cn.zhifa.casework;

import static cn.zhifa.casework.Checks.notBlank;
import static cn.zhifa.casework.Checks.require;
import static cn.zhifa.casework.Checks.yuan;

import cn.zhifa.law.Deadline;
import cn.zhifa.law.ProcedureRules;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * 执行 of a served penalty decision, part of the {@link PenaltyCase} aggregate (same table): the fine falls due in
 * {@link Instalment}s (one unless 延期 or 分期 was approved, 行政处罚法第六十六条), {@link Payment}s settle them, 加处罚款 accrues
 * on what is overdue except while a 复议 or 诉讼 runs ({@link Suspension}, 第七十二、七十三条), then 催告 and 申请人民法院强制执行
 * (行政强制法第五十三、五十四条). The case's stage is the case's; the guards here answer the execution's own questions.
 */
class Execution {

    private BigDecimal paidYuan = BigDecimal.ZERO.setScale(2);
    private LocalDate remindedOn;
    private LocalDate reminderServedOn;
    private LocalDate enforcementAppliedOn;
    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<Instalment> instalments = new ArrayList<>();
    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<Payment> payments = new ArrayList<>();
    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<Suspension> suspensions = new ArrayList<>();

    Execution() {
    }

    /**
     * What the execution needs to know of the decision: the fine, the day it was served, whether it was an on-the-spot
     * decision (复议 first), and whether a deferral or instalments were approved.
     */
    record Decision(BigDecimal fineYuan, LocalDate servedOn, boolean summary, boolean paymentChanged) {
    }

    /** The whole fine falls due at the end of the payment period. */
    void start(LocalDate due, BigDecimal fine) {
        instalments.clear();
        instalments.add(new Instalment(due, fine));
    }

    /** 延期缴纳 (行政处罚法第六十六条): the unpaid fine becomes due on {@code newDue}; returns the step's text. */
    String approveDeferral(LocalDate today, LocalDate newDue, String reason, BigDecimal fine) {
        require(notBlank(reason), "请填写延期缴纳的理由。");
        require(newDue != null && newDue.isAfter(today), "延期后的缴纳日期应晚于今天。");
        instalments.clear();
        instalments.add(new Instalment(newDue, fine));
        return "同意延期至" + newDue + "缴纳：" + reason.strip();
    }

    /** 分期缴纳: the parts add up to the fine and fall due in order, from today on; returns the step's text. */
    String approveInstalments(LocalDate today, List<Instalment> parts, String reason, BigDecimal fine) {
        require(notBlank(reason), "请填写分期缴纳的理由。");
        require(parts != null && parts.size() >= 2, "分期缴纳至少分两期。");
        require(payments.isEmpty(), "已有缴款记录的案件请使用延期缴纳。");
        BigDecimal sum = parts.stream().map(Instalment::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        require(sum.compareTo(fine) == 0, "各期金额合计" + DiscretionEngine.plain(sum) + "元与罚款" + DiscretionEngine.plain(fine) + "元不符。");
        LocalDate previous = today.minusDays(1);
        for (Instalment part : parts) {
            require(part.dueOn() != null && part.dueOn().isAfter(previous), "各期缴纳日期应不早于今天并依次后延。");
            require(part.amountYuan().signum() > 0, "每期金额应大于零。");
            previous = part.dueOn();
        }
        instalments.clear();
        parts.forEach(p -> instalments.add(new Instalment(p.dueOn(), yuan(p.amountYuan()))));
        return "同意分" + parts.size() + "期缴纳：" + reason.strip();
    }

    /** 加处罚款 accrued up to {@code day}: 3 % a day of each overdue part, not while 复议/诉讼 pends, capped at the fine. */
    BigDecimal surchargeOn(LocalDate day, ProcedureRules rules, BigDecimal fine) {
        if (fine == null || instalments.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        List<Payment> inOrder = payments.stream().filter(p -> !p.paidOn().isAfter(day))
                .sorted(Comparator.comparing(Payment::paidOn)).toList();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal owedSoFar = BigDecimal.ZERO;
        for (Instalment part : instalments) {
            owedSoFar = owedSoFar.add(part.amountYuan());
            LocalDate settled = settledOn(inOrder, owedSoFar).orElse(null);
            LocalDate lastLateDay = settled == null || settled.isAfter(day) ? day : settled;
            long lateDays = 0;
            for (LocalDate d = part.dueOn().plusDays(1); !d.isAfter(lastLateDay); d = d.plusDays(1)) {
                LocalDate current = d;
                if (suspensions.stream().noneMatch(s -> s.covers(current))) {
                    lateDays++;
                }
            }
            total = total.add(rules.lateSurcharge(part.amountYuan(), lateDays));
        }
        return total.min(fine).setScale(2, RoundingMode.HALF_UP);
    }

    private static Optional<LocalDate> settledOn(List<Payment> inOrder, BigDecimal owed) {
        BigDecimal paid = BigDecimal.ZERO;
        for (Payment payment : inOrder) {
            paid = paid.add(payment.amountYuan());
            if (paid.compareTo(owed) >= 0) {
                return Optional.of(payment.paidOn());
            }
        }
        return Optional.empty();
    }

    /** Fine plus surcharge still owed on {@code day}. */
    BigDecimal outstandingOn(LocalDate day, ProcedureRules rules, BigDecimal fine) {
        if (fine == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return fine.add(surchargeOn(day, rules, fine)).subtract(paidYuan).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** A payment of at most what is owed that day (fine and surcharge); returns the amount in 元. */
    BigDecimal pay(LocalDate day, BigDecimal amountYuan, ProcedureRules rules, BigDecimal fine) {
        BigDecimal amount = amountYuan == null ? BigDecimal.ZERO : yuan(amountYuan);
        require(amount.signum() > 0, "缴款金额应大于零。");
        BigDecimal outstanding = outstandingOn(day, rules, fine);
        require(amount.compareTo(outstanding) <= 0, "缴款金额" + DiscretionEngine.plain(amount) + "元超过应缴金额"
                + DiscretionEngine.plain(outstanding) + "元（含加处罚款）。");
        payments.add(new Payment(day, amount));
        paidYuan = paidYuan.add(amount);
        return amount;
    }

    boolean challengePending() {
        return suspensions.stream().anyMatch(s -> s.endedOn() == null);
    }

    /** 复议 or 诉讼 started: no surcharge accrues while it runs (行政处罚法第七十三条); returns the step's text. */
    String startChallenge(LocalDate day, String what) {
        require(notBlank(what), "请填写复议或诉讼的情况。");
        require(!challengePending(), "已有尚未终结的复议或诉讼。");
        suspensions.add(new Suspension(what.strip(), day, null));
        return what.strip() + "（期间不加处罚款）";
    }

    String endChallenge(LocalDate day, String outcome) {
        Suspension open = suspensions.stream().filter(s -> s.endedOn() == null).findFirst()
                .orElseThrow(() -> new RuleViolation("没有尚未终结的复议或诉讼。"));
        require(notBlank(outcome), "请填写复议或诉讼的结果。");
        suspensions.set(suspensions.indexOf(open), new Suspension(open.reason(), open.startedOn(), day));
        return outcome.strip();
    }

    /** Gives the instalments, payments and suspensions the case's organisation id (see {@link PenaltyCase#keyChildren}). */
    void keyChildren(long organizationId) {
        instalments.replaceAll(i -> i.keyed(organizationId));
        payments.replaceAll(p -> p.keyed(organizationId));
        suspensions.replaceAll(s -> s.keyed(organizationId));
    }

    /** 催告 only once the party is late with a part and the fine is not paid. */
    Verdict mayRemind(LocalDate day, BigDecimal fine) {
        boolean overdue = instalments.stream().anyMatch(i -> day.isAfter(i.dueOn())) && paidYuan.compareTo(fine) < 0;
        return overdue ? Verdict.allow() : Verdict.refuse("当事人尚未逾期，不需催告。");
    }

    void remind(LocalDate day) {
        remindedOn = day;
        reminderServedOn = null;
    }

    /**
     * The 催告书 was served on {@code day} (as recorded in the service ledger): the ten days before the court application
     * run from it (行政强制法第五十四条), not from the day it was issued. Not before it was issued.
     */
    void reminderServed(LocalDate day) {
        require(remindedOn != null, "本案尚未催告，没有可以登记送达的催告书。");
        require(day != null && !day.isBefore(remindedOn), "催告书的送达日期不能早于催告之日（" + remindedOn + "）。");
        reminderServedOn = day;
    }

    /** The day the ten days after the 催告书 run from: its recorded service, else the day of 催告 (served when issued). */
    LocalDate reminderServedOrIssued() {
        return reminderServedOn != null ? reminderServedOn : remindedOn;
    }

    /**
     * 申请人民法院强制执行 (行政强制法第五十三条、第五十四条; 行政诉讼法第九十七条; 行诉法解释第一百五十六条): only after the
     * 复议 and 诉讼 periods lapsed without a pending challenge (and after a deferral or the last instalment, 行政处罚法第七十二条
     * 第二款), within three months from then, and ten working days after the 催告书 was served.
     */
    Verdict mayApplyForEnforcement(LocalDate day, Decision decision, CasePeriods periods) {
        if (challengePending()) {
            return Verdict.refuse("当事人已申请行政复议或者提起行政诉讼，复议或诉讼期间不能申请人民法院强制执行（行政强制法第五十三条）。");
        }
        LocalDate from = enforceableFrom(decision, periods);
        if (!day.isAfter(from)) {
            return Verdict.refuse(enforceableFromReason(decision, periods));
        }
        Deadline window = periods.courtApplicationDueFrom(from);
        if (window.isOverdueOn(day)) {
            return Verdict.refuse("申请人民法院强制执行的期限已于" + window.due() + "届满（自" + from
                    + "起三个月内提出，行政强制法第五十三条；最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百五十六条）。");
        }
        if (remindedOn == null) {
            return Verdict.refuse("申请强制执行前应当事先催告当事人履行义务（行政强制法第五十四条）。");
        }
        Deadline wait = periods.reminderWaitEnds(reminderServedOrIssued());
        if (!wait.isOverdueOn(day)) {
            return Verdict.refuse("催告书于" + reminderServedOrIssued() + "送达，送达满十个工作日（至" + wait.due()
                    + "）后当事人仍未履行的，方可申请强制执行（行政强制法第五十四条、第六十九条）。");
        }
        return Verdict.allow();
    }

    /**
     * The day after which court enforcement may be applied for: the latest of the end of the challenge periods
     * ({@link CasePeriods#challengeEnds}), the end of a challenge that was made, and the last day of an approved deferral
     * or instalment (行政处罚法第七十二条第二款).
     */
    LocalDate enforceableFrom(Decision decision, CasePeriods periods) {
        LocalDate from = periods.challengeEnds(decision.servedOn(), decision.summary()).due();
        for (Suspension s : suspensions) {
            if (s.endedOn() != null && s.endedOn().isAfter(from)) {
                from = s.endedOn();
            }
        }
        if (decision.paymentChanged()) {
            LocalDate last = instalments.stream().map(Instalment::dueOn).max(Comparator.naturalOrder()).orElse(from);
            if (last.isAfter(from)) {
                from = last;
            }
        }
        return from;
    }

    private String enforceableFromReason(Decision decision, CasePeriods periods) {
        LocalDate from = enforceableFrom(decision, periods);
        LocalDate challenge = periods.challengeEnds(decision.servedOn(), decision.summary()).due();
        if (from.equals(challenge)) {
            return (decision.summary()
                    ? "当场处罚决定须先申请行政复议（行政复议法第二十三条），申请行政复议的期限至" + from
                    : "当事人申请行政复议、提起行政诉讼的期限至" + from)
                    + "，届满前不能申请人民法院强制执行（行政强制法第五十三条；行政诉讼法第九十七条）。";
        }
        if (decision.paymentChanged() && instalments.stream().anyMatch(i -> i.dueOn().equals(from))) {
            return "经批准延期（分期）缴纳罚款的，申请人民法院强制执行的期限自暂缓或者最后一期缴纳期限（" + from
                    + "）结束之日起计算（行政处罚法第七十二条第二款），此前不能申请。";
        }
        return "复议或诉讼于" + from + "终结，当日及此前不能申请人民法院强制执行（行政强制法第五十三条）。";
    }

    /**
     * True when, on {@code day}, the party let the 复议 and 诉讼 periods lapse without challenging the decision: only then
     * may the 催告书 and the 强制执行申请书 say "在法定期限内未申请行政复议或者提起行政诉讼".
     */
    boolean unchallengedAfterPeriods(LocalDate day, Decision decision, CasePeriods periods) {
        return decision.servedOn() != null && suspensions.isEmpty()
                && day.isAfter(periods.challengeEnds(decision.servedOn(), decision.summary()).due());
    }

    String applyForEnforcement(LocalDate day, String court) {
        require(notBlank(court), "请填写受理申请的人民法院。");
        enforcementAppliedOn = day;
        return "向" + court.strip() + "申请强制执行";
    }

    BigDecimal paidYuan() { return paidYuan; }
    LocalDate remindedOn() { return remindedOn; }
    LocalDate reminderServedOn() { return reminderServedOn; }
    LocalDate enforcementAppliedOn() { return enforcementAppliedOn; }
    List<Instalment> instalments() { return List.copyOf(instalments); }
    List<Payment> payments() { return List.copyOf(payments); }
    List<Suspension> suspensions() { return List.copyOf(suspensions); }
}
