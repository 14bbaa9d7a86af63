package cn.zhifa.inspection.internal;

import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.registry.EnforcementActRecorded;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import cn.zhifa.registry.EnforcementVisitRecorded;
import java.util.List;
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
        List<EnforcementActRecorded> acts = recorded.officers().stream()
                .map(officer -> new EnforcementActRecorded(officer, recorded.enterpriseId(), recorded.date(), "检查",
                        recorded.organizationId()))
                .toList();
        String title = recorded.kind().label() + "（" + recorded.mode().label() + "）"
                + (recorded.failedItems() > 0 ? "，不符合项 " + recorded.failedItems() + " 项" : "，未发现问题");
        // one publication for the officers' acts and the timeline entry (issue 18: one each, three deliveries)
        events.publishEvent(new EnforcementVisitRecorded(acts, new EnterpriseTimelineEntry(recorded.enterpriseId(),
                recorded.date(), "检查", title, "/inspection/records/" + recorded.recordId())));
    }
}
