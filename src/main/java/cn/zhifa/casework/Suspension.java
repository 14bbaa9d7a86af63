package cn.zhifa.casework;

import java.time.LocalDate;

/** A 复议 or 诉讼 during which no late-payment surcharge accrues (行政处罚法第七十三条); {@code endedOn} null while pending. */
public record Suspension(String reason, LocalDate startedOn, LocalDate endedOn) {

    boolean covers(LocalDate day) {
        return !day.isBefore(startedOn) && (endedOn == null || day.isBefore(endedOn));
    }
}
