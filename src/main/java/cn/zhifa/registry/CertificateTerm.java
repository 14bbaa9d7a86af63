package cn.zhifa.registry;

import java.time.LocalDate;

/**
 * What 持证执法 reads of one 行政执法证: its number, holder, term and status. {@link OfficerCertificate} decides by it,
 * and {@link CertificatePolicy} reads it from the certificate's row alone, without the certificate's history.
 */
record CertificateTerm(String certificateNo, String officerName, LocalDate issuedOn, LocalDate expiresOn,
                       CertificateStatus status, String statusReason, LocalDate statusSince) {

    /** Entitled to enforce on {@code date}. */
    boolean validOn(LocalDate date) {
        boolean inTerm = !date.isBefore(issuedOn) && !date.isAfter(expiresOn);
        boolean stopped = status != CertificateStatus.VALID && !date.isBefore(statusSince);
        return inTerm && !stopped;
    }

    /** Why not entitled on {@code date} (Chinese), or '' when entitled. */
    String reasonInvalidOn(LocalDate date) {
        if (status == CertificateStatus.REVOKED && !date.isBefore(statusSince)) {
            return "行政执法证 " + certificateNo + " 已于 " + statusSince + " 注销（" + statusReason + "），不能从事行政执法。";
        }
        if (status == CertificateStatus.SUSPENDED && !date.isBefore(statusSince)) {
            return "行政执法证 " + certificateNo + " 已于 " + statusSince + " 暂扣（" + statusReason + "），不能从事行政执法。";
        }
        if (date.isBefore(issuedOn)) {
            return "行政执法证 " + certificateNo + " 于 " + issuedOn + " 才发证，" + date + " 时尚未取得执法资格。";
        }
        if (date.isAfter(expiresOn)) {
            return "行政执法证 " + certificateNo + " 已于 " + expiresOn + " 过期，不能从事行政执法。";
        }
        return "";
    }
}
