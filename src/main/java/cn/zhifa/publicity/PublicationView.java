package cn.zhifa.publicity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A decision's publication as the case unit sees it (unmasked: staff only).
 *
 * @param channels the day the decision was carried on each channel
 * @param late     published after its due day
 * @param overdue  still awaiting publication after its due day
 * @param dueSoon  awaiting, due within the warning days
 */
public record PublicationView(long id, Long caseId, String caseNumber, String decisionNumber, long organizationId,
                              String partyName, String partyKindLabel, String violation, String penalty, BigDecimal fineYuan,
                              String authority, LocalDate decidedOn, LocalDate dueOn, boolean dueProvisional,
                              PublicationStatus status, LocalDate publishedOn, LocalDate expiresOn, Map<Channel, LocalDate> channels,
                              boolean late, boolean overdue, boolean dueSoon, LocalDate changedOn, LocalDate withdrawalDueOn,
                              LocalDate withdrawnOn, String withdrawalReason, boolean withdrawnLate) {

    public String statusLabel() {
        if (status == PublicationStatus.AWAITING && overdue) {
            return "逾期未公示";
        }
        if (status == PublicationStatus.PUBLISHED && late) {
            return "已公示（逾期）";
        }
        return status.label();
    }
}
