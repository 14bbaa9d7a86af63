package cn.zhifa.inspection.internal;

import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.registry.EnforcementActRecorded;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the registry (participation rate, enterprise timeline) from submitted records, in the submitting
 * transaction; the registry stores them after commit.
 */
@Component
class RegistryFeed {

    private final ApplicationEventPublisher events;

    RegistryFeed(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(InspectionRecorded recorded) {
        if (recorded.correctionOf() != null) {
            return;
        }
        for (Long officer : recorded.officers()) {
            events.publishEvent(new EnforcementActRecorded(officer, recorded.enterpriseId(), recorded.date(), "检查",
                    recorded.organizationId()));
        }
        String title = recorded.kind().label() + "（" + recorded.mode().label() + "）"
                + (recorded.failedItems() > 0 ? "，不符合项 " + recorded.failedItems() + " 项" : "，未发现问题");
        events.publishEvent(new EnterpriseTimelineEntry(recorded.enterpriseId(), recorded.date(), "检查", title,
                "/inspection/records/" + recorded.recordId()));
    }
}
