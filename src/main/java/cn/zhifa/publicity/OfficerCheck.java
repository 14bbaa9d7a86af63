package cn.zhifa.publicity;

import java.time.LocalDate;

/**
 * The public 亮证 check of a 行政执法证: the holder's name, the enforcement body, and whether it entitles its holder
 * to enforce today.
 */
public record OfficerCheck(String certificateNo, String name, String body, boolean valid, String standing,
                           LocalDate expiresOn) {
}
