package cn.zhifa.casework.internal;

import cn.zhifa.casework.CaseStepRecorded;
import cn.zhifa.registry.EnforcementActRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every recorded case step is an enforcement act of the officers who took part (执法参与率): reported to the registry
 * in the step's transaction, stored there after commit (once, however often it is delivered).
 */
@Component
class ParticipationFeed {

    private final ApplicationEventPublisher events;

    ParticipationFeed(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(CaseStepRecorded step) {
        for (Long officer : step.officerIds()) {
            events.publishEvent(new EnforcementActRecorded(officer, step.enterpriseId() == null ? 0 : step.enterpriseId(),
                    step.occurredOn(), "案件：" + step.kind().label(), step.organizationId()));
        }
    }
}
