package cn.zhifa.credit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every day, entries whose three-year term ended leave the list (and the public page). */
@Component
class ListingSweep {

    private final ListingDesk desk;
    private final cn.zhifa.audit.AuditTrail audit;

    ListingSweep(ListingDesk desk, cn.zhifa.audit.AuditTrail audit) {
        this.desk = desk;
        this.audit = audit;
    }

    @Scheduled(cron = "${zhifa.credit.expiry-sweep:0 10 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "credit-listing-expiry-sweep")
    void removeExpired() {
        int removed = desk.removeExpired();
        if (removed > 0) {
            audit.record("严重失信主体名单管理期满移出", "严重失信主体名单", null, cn.zhifa.audit.AuditRecord.Outcome.SUCCESS,
                    "移出 " + removed + " 条，停止公示");
        }
    }
}
