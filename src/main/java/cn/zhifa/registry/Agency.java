package cn.zhifa.registry;

import java.time.LocalDate;

/** A third-party safety agency (安全评价/检测检验/培训/咨询机构) with its qualification and the count of clients. */
public record Agency(long id, String name, String uscc, AgencyKind kind, String qualificationNo, String grade,
                     String status, LocalDate validUntil, long organizationId, int clients) {

    public String statusLabel() {
        return switch (status) {
            case "ACTIVE" -> "正常";
            case "SUSPENDED" -> "暂停";
            default -> "撤销";
        };
    }
}
