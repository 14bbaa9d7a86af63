package cn.zhifa.hazard.internal;

import cn.zhifa.hazard.HazardClosed;
import cn.zhifa.hazard.HazardOverdue;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts closures and overdue hazards on the enterprise's timeline in the registry. */
@Component
class HazardFeed {

    private final ApplicationEventPublisher events;

    HazardFeed(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(HazardClosed closed) {
        events.publishEvent(new EnterpriseTimelineEntry(closed.enterpriseId(), closed.closedOn(), "隐患",
                closed.level().label() + "已整改销号", "/hazards/" + closed.hazardId()));
    }

    @EventListener
    void on(HazardOverdue overdue) {
        events.publishEvent(new EnterpriseTimelineEntry(overdue.enterpriseId(), overdue.detectedOn(), "隐患",
                overdue.level().label() + "逾期未整改（期限 " + overdue.deadline() + "）", "/hazards/" + overdue.hazardId()));
    }
}
