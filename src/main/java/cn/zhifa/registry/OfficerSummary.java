package cn.zhifa.registry;

import java.time.LocalDate;

/** A certified officer as draws and assignments see them; {@code townCode} is null when not assigned to a town. */
public record OfficerSummary(long userId, String name, long organizationId, String certificateNo, LocalDate expiresOn,
                             String townCode) {
}
