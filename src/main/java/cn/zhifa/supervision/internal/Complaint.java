package cn.zhifa.supervision.internal;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.supervision.ComplaintChannel;
import cn.zhifa.supervision.ComplaintStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A complaint or report (投诉举报) and its handling. Lifecycle: registered (待受理) → {@link #accept} (受理, assigned
 * to a unit) or {@link #reject} (不予受理, with a reason) → follow-up recorded (an inspection task or a case, source
 * 举报) → {@link #reply} to the reporter → {@link #close} (办结). A registration naming an open complaint about the
 * same matter is a duplicate: kept and linked, never handled or counted again. A closed complaint that led to a
 * penalty may earn its real-name reporter a reward: {@link #proposeReward} → {@link #approveReward} →
 * {@link #payReward}.
 */
public class Complaint {

    public enum FollowUp {
        INSPECTION("转检查核查"), CASE("立案查处"), OTHER("其他处理");

        private final String label;

        FollowUp(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum RewardStatus {
        PROPOSED("已提出"), APPROVED("已批准"), PAID("已发放");

        private final String label;

        RewardStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    Long id;
    long organizationId;
    ComplaintChannel channel;
    LocalDate receivedOn;
    String content;
    Long enterpriseId;
    String enterpriseName;
    String reporterName;
    String reporterPhone;
    boolean anonymous;
    ComplaintStatus status;
    LocalDate acceptDue;
    LocalDate closeDue;
    boolean dueProvisional;
    Long duplicateOf;
    LocalDate acceptedOn;
    LocalDate rejectedOn;
    String rejectReason;
    Long assignedUnitId;
    FollowUp followUp;
    String followUpNote;
    String reply;
    LocalDate repliedOn;
    LocalDate closedOn;
    String result;
    RewardStatus rewardStatus;
    BigDecimal rewardFineYuan;
    BigDecimal rewardYuan;
    String rewardBasis;
    LocalDate rewardApprovedOn;
    LocalDate rewardPaidOn;
    long registeredBy;
    boolean demo;
    int version;

    Complaint() {
    }

    /** A new complaint; {@code duplicateOf} (an open complaint) makes it a linked duplicate. */
    public static Complaint register(long organizationId, ComplaintChannel channel, LocalDate receivedOn, String content,
                                     Long enterpriseId, String enterpriseName, String reporterName, String reporterPhone,
                                     boolean anonymous, ComplaintDeadlines.Due due, Long duplicateOf, long registeredBy) {
        Complaint c = new Complaint();
        c.organizationId = organizationId;
        c.channel = channel;
        c.receivedOn = receivedOn;
        c.content = content.strip();
        c.enterpriseId = enterpriseId;
        c.enterpriseName = blank(enterpriseName) ? null : enterpriseName.strip();
        c.anonymous = anonymous;
        c.reporterName = anonymous || blank(reporterName) ? null : reporterName.strip();
        c.reporterPhone = anonymous || blank(reporterPhone) ? null : reporterPhone.strip();
        c.acceptDue = due.accept();
        c.closeDue = due.close();
        c.dueProvisional = due.provisional();
        c.duplicateOf = duplicateOf;
        c.status = duplicateOf == null ? ComplaintStatus.RECEIVED : ComplaintStatus.DUPLICATE;
        c.registeredBy = registeredBy;
        return c;
    }

    /** What a registration must carry: something to act on, a date not in the future, a reachable reporter unless anonymous. */
    public static Verdict mayRegister(LocalDate receivedOn, LocalDate today, Long enterpriseId, String enterpriseName,
                                      boolean anonymous, String reporterName, String reporterPhone) {
        if (receivedOn.isAfter(today)) {
            return Verdict.refuse("收到日期不能晚于今天。");
        }
        if (enterpriseId == null && blank(enterpriseName)) {
            return Verdict.refuse("请选择或填写被举报的单位（不清楚的可填写地点或描述）。");
        }
        if (!anonymous && blank(reporterName) && blank(reporterPhone)) {
            return Verdict.refuse("实名举报请填写举报人姓名或联系电话；不愿留名的请选择匿名举报。");
        }
        return Verdict.allow();
    }

    public void accept(LocalDate on, long unitId) {
        requireStatus(ComplaintStatus.RECEIVED, "只有待受理的举报可以受理。");
        notBeforeReceipt(on);
        status = ComplaintStatus.ACCEPTED;
        acceptedOn = on;
        assignedUnitId = unitId;
    }

    public void reject(LocalDate on, String reason) {
        requireStatus(ComplaintStatus.RECEIVED, "只有待受理的举报可以不予受理。");
        if (blank(reason)) {
            throw new RuleViolation("不予受理须写明理由。");
        }
        notBeforeReceipt(on);
        status = ComplaintStatus.REJECTED;
        rejectedOn = on;
        rejectReason = reason.strip();
    }

    public void assign(long unitId) {
        requireStatus(ComplaintStatus.ACCEPTED, "只有办理中的举报可以交办。");
        assignedUnitId = unitId;
    }

    public void recordFollowUp(FollowUp kind, String note) {
        requireStatus(ComplaintStatus.ACCEPTED, "只有办理中的举报可以登记处理情况。");
        followUp = kind;
        followUpNote = blank(note) ? null : note.strip();
    }

    public void reply(LocalDate on, String text) {
        requireStatus(ComplaintStatus.ACCEPTED, "只有办理中的举报可以答复。");
        if (blank(text)) {
            throw new RuleViolation("请填写答复内容。");
        }
        notBeforeReceipt(on);
        reply = text.strip();
        repliedOn = on;
    }

    public void close(LocalDate on, String outcome) {
        requireStatus(ComplaintStatus.ACCEPTED, "只有办理中的举报可以办结。");
        if (reply == null) {
            throw new RuleViolation("办结前须先答复举报人（匿名举报的，登记处理情况作为答复）。");
        }
        if (blank(outcome)) {
            throw new RuleViolation("请填写办理结果。");
        }
        notBeforeReceipt(on);
        status = ComplaintStatus.CLOSED;
        closedOn = on;
        result = outcome.strip();
    }

    /** 举报奖励: a share of the fine, at least the minimum, at most the cap; only for a real-name report that led to a penalty. */
    public void proposeReward(BigDecimal fineYuan, ComplaintRules.Reward rule) {
        if (status != ComplaintStatus.CLOSED || followUp != FollowUp.CASE) {
            throw new RuleViolation("只有经立案查处并办结的举报可以提出奖励。");
        }
        if (anonymous) {
            throw new RuleViolation("匿名举报无法核实举报人身份，不予奖励。");
        }
        if (rewardStatus != null) {
            throw new RuleViolation("该举报已提出过奖励。");
        }
        if (fineYuan == null || fineYuan.signum() <= 0) {
            throw new RuleViolation("请填写依举报作出的罚款金额。");
        }
        rewardFineYuan = fineYuan.setScale(2, RoundingMode.HALF_UP);
        rewardYuan = rewardFor(fineYuan, rule);
        rewardBasis = "按罚款金额的" + rule.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%计算，最低"
                + rule.minimumYuan().stripTrailingZeros().toPlainString() + "元，最高"
                + rule.maximumYuan().stripTrailingZeros().toPlainString() + "元（" + rule.source() + "）";
        rewardStatus = RewardStatus.PROPOSED;
    }

    static BigDecimal rewardFor(BigDecimal fineYuan, ComplaintRules.Reward rule) {
        BigDecimal amount = fineYuan.multiply(rule.rate()).setScale(2, RoundingMode.HALF_UP);
        return amount.max(rule.minimumYuan()).min(rule.maximumYuan()).setScale(2, RoundingMode.HALF_UP);
    }

    public void approveReward(LocalDate on) {
        if (rewardStatus != RewardStatus.PROPOSED) {
            throw new RuleViolation("只有已提出的奖励可以批准。");
        }
        rewardStatus = RewardStatus.APPROVED;
        rewardApprovedOn = on;
    }

    public void payReward(LocalDate on) {
        if (rewardStatus != RewardStatus.APPROVED) {
            throw new RuleViolation("奖励经批准后才能登记发放。");
        }
        rewardStatus = RewardStatus.PAID;
        rewardPaidOn = on;
    }

    /** 逾期: not accepted by the 受理 deadline, or not closed by the 办结 deadline. */
    public boolean overdueOn(LocalDate today) {
        return status == ComplaintStatus.RECEIVED && today.isAfter(acceptDue)
                || status == ComplaintStatus.ACCEPTED && today.isAfter(closeDue);
    }

    /** The next deadline while open: 受理 first, then 办结. */
    public LocalDate nextDue() {
        return status == ComplaintStatus.RECEIVED ? acceptDue : status == ComplaintStatus.ACCEPTED ? closeDue : null;
    }

    private void requireStatus(ComplaintStatus expected, String refusal) {
        if (status != expected) {
            throw new RuleViolation(refusal);
        }
    }

    private void notBeforeReceipt(LocalDate on) {
        if (on.isBefore(receivedOn)) {
            throw new RuleViolation("办理日期不能早于收到日期。");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Long id() { return id; }
    public String content() { return content; }
    public String enterpriseName() { return enterpriseName; }
    public String reporterName() { return reporterName; }
    public String reporterPhone() { return reporterPhone; }
    public boolean dueProvisional() { return dueProvisional; }
    public Long duplicateOf() { return duplicateOf; }
    public LocalDate acceptedOn() { return acceptedOn; }
    public LocalDate rejectedOn() { return rejectedOn; }
    public String rejectReason() { return rejectReason; }
    public String followUpNote() { return followUpNote; }
    public LocalDate repliedOn() { return repliedOn; }
    public LocalDate closedOn() { return closedOn; }
    public String result() { return result; }
    public BigDecimal rewardFineYuan() { return rewardFineYuan; }
    public String rewardBasis() { return rewardBasis; }
    public LocalDate rewardApprovedOn() { return rewardApprovedOn; }
    public LocalDate rewardPaidOn() { return rewardPaidOn; }
    public long organizationId() { return organizationId; }
    public ComplaintChannel channel() { return channel; }
    public LocalDate receivedOn() { return receivedOn; }
    public ComplaintStatus status() { return status; }
    public LocalDate acceptDue() { return acceptDue; }
    public LocalDate closeDue() { return closeDue; }
    public Long assignedUnitId() { return assignedUnitId; }
    public Long enterpriseId() { return enterpriseId; }
    public FollowUp followUp() { return followUp; }
    public String reply() { return reply; }
    public RewardStatus rewardStatus() { return rewardStatus; }
    public BigDecimal rewardYuan() { return rewardYuan; }
    public boolean anonymous() { return anonymous; }
    public int version() { return version; }
}
