package cn.zhifa.inspection.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Benchmark hook (issue 18): keeps the documents of submitted records from being issued while a measurement runs, then
 * issues them by resubmitting the incomplete publications, as another node (or a later pass) would.
 */
public final class DocumentsDeferral {

    private DocumentsDeferral() {
    }

    public static void defer(ApplicationContext context) {
        context.getBean(RecordDocumentsIssuer.class).defer(true);
    }

    /** Stops deferring and delivers again every {@link RecordDocumentsDue} left incomplete. */
    public static void release(ApplicationContext context) {
        context.getBean(RecordDocumentsIssuer.class).defer(false);
        context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(
                publication -> publication.getEvent() instanceof RecordDocumentsDue);
    }
}
