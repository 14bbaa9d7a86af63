package cn.zhifa.casework;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link CaseReported} after a case whose 立案 or decision changed is saved (only then does it have its id,
 * also for a case filed or decided on the spot before its first save), and after every save the case's
 * {@link CaseFactsReported} snapshot (its hearings, transfers, reviews, measures … are all saved with the case).
 */
@Component
class CaseReportPublisher implements AfterSaveCallback<PenaltyCase> {

    private final ApplicationEventPublisher events;
    /** Looked up when first needed: the statistics depend (through the data scope) on the mapping this callback is part of. */
    private final org.springframework.beans.factory.ObjectProvider<CaseStatistics> statistics;

    CaseReportPublisher(ApplicationEventPublisher events, org.springframework.beans.factory.ObjectProvider<CaseStatistics> statistics) {
        this.events = events;
        this.statistics = statistics;
    }

    @Override
    public PenaltyCase onAfterSave(PenaltyCase saved) {
        if (saved.takeReportChange()) {
            events.publishEvent(CaseReported.of(saved));
        }
        statistics.getObject().factsOf(saved.getId()).ifPresent(events::publishEvent);
        return saved;
    }
}
