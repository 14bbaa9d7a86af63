package cn.zhifa.township;

import java.time.LocalDate;

/** A power a township holds, as pages and the API show it. */
public record TownshipPowerView(long id, long organizationId, String townshipName, long powerId, String powerKind,
                                String powerKindLabel, String powerName, PowerMode mode, String ownShortName,
                                String instrumentTitle, String instrumentNumber, LocalDate validFrom,
                                LocalDate validTo) {

    public String modeLabel() {
        return mode.label();
    }

    /** 2026年2月1日至2028年1月31日, or 2026年2月1日起 when open-ended. */
    public String period() {
        String from = validFrom.getYear() + "年" + validFrom.getMonthValue() + "月" + validFrom.getDayOfMonth() + "日";
        return validTo == null ? from + "起" : from + "至" + validTo.getYear() + "年" + validTo.getMonthValue() + "月"
                + validTo.getDayOfMonth() + "日";
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
