package cn.zhifa.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A complaint as a reader may see it. {@code reporter} and {@code reporterPhone} are masked ("***") for everyone but
 * its handlers; an anonymous report shows "匿名".
 */
public record ComplaintView(long id, String number, ComplaintChannel channel, String channelLabel, LocalDate receivedOn,
                            String content, Long enterpriseId, String enterpriseName, String reporter, String reporterPhone,
                            boolean anonymous, ComplaintStatus status, String statusLabel, LocalDate acceptDue,
                            LocalDate closeDue, boolean dueProvisional, boolean overdue, boolean dueSoon, Long duplicateOf,
                            long organizationId, String organizationName, Long assignedUnitId, String assignedUnitName,
                            LocalDate acceptedOn, LocalDate rejectedOn, String rejectReason, String followUp,
                            String followUpNote, String reply, LocalDate repliedOn, LocalDate closedOn, String result,
                            String rewardStatus, BigDecimal rewardFineYuan, BigDecimal rewardYuan, String rewardBasis,
                            LocalDate rewardApprovedOn, LocalDate rewardPaidOn, int version) {
}
