package cn.zhifa.hazard;

import java.time.LocalDate;

/** A hazard was 销号 (closed): rectified, re-inspected, confirmed by a second officer with evidence. */
public record HazardClosed(long hazardId, long organizationId, long enterpriseId, HazardLevel level, LocalDate closedOn) {
}
