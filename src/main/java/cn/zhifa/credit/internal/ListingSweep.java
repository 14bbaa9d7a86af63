package cn.zhifa.credit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every day, entries whose three-year term ended leave the list (and the public page). */
@Component
class ListingSweep {

    private final ListingDesk desk;

    ListingSweep(ListingDesk desk) {
        this.desk = desk;
    }

    @Scheduled(cron = "${zhifa.credit.expiry-sweep:0 10 0 * * *}", zone = "Asia/Shanghai")
    void removeExpired() {
        desk.removeExpired();
    }
}
