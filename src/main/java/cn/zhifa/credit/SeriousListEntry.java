package cn.zhifa.credit;

import java.time.LocalDate;

/** One firm on the public 严重失信主体名单: name, USCC, the ground, listed and expiry dates, the deciding authority. */
public record SeriousListEntry(String name, String uscc, String grounds, LocalDate listedOn, LocalDate expiresOn,
                               String authority) {
}
