package cn.zhifa.registry;

import java.time.LocalDate;

/** Published after every change of a 行政执法证 (issue, renewal, suspension, reinstatement, revocation). */
public record CertificateChanged(long userId, String certificateNo, CertificateEventKind kind, LocalDate occurredOn,
                                 String reason) {
}
