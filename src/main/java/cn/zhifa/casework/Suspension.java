package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;

/** A 复议 or 诉讼 during which no late-payment surcharge accrues (行政处罚法第七十三条); {@code endedOn} null while pending. */
public record Suspension(String reason, LocalDate startedOn, LocalDate endedOn, @JsonIgnore Long organizationId) {

    public Suspension(String reason, LocalDate startedOn, LocalDate endedOn) {
        this(reason, startedOn, endedOn, null);
    }

    Suspension keyed(long organizationId) {
        return new Suspension(reason, startedOn, endedOn, organizationId);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(startedOn) && (endedOn == null || day.isBefore(endedOn));
    }
}
