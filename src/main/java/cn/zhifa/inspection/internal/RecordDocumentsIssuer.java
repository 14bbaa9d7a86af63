package cn.zhifa.inspection.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.inspection.InspectionDocuments;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.scheduling.ListenerExecutors;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.PublicAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Issues a submitted record's documents after the submission commits (asynchronously, in its own transaction), in the
 * name of the officer who submitted it, once however often the order is delivered. A failure (rendering, storage) rolls
 * the documents and their numbers back and leaves the publication incomplete: it is delivered again on restart and,
 * a while after it failed, by {@link #retryFailed()}.
 */
@Component
class RecordDocumentsIssuer {

    private final InspectionDocuments documents;
    private final UserManagement users;
    private final AuditTrail audit;
    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    RecordDocumentsIssuer(InspectionDocuments documents, UserManagement users, AuditTrail audit,
                          IncompleteEventPublications incomplete,
                          @Value("${zhifa.inspection.documents-retry-after:PT2M}") Duration retryAfter) {
        this.documents = documents;
        this.users = users;
        this.audit = audit;
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    /**
     * Benchmarks only (issue 18, {@code SubmissionBenchmark}): while set, a delivery leaves its documents to a later one
     * (its publication stays incomplete, as when another node or a later pass issues them), so that the submissions are
     * measured without the rendering beside them; cleared, the incomplete publications are resubmitted.
     */
    private volatile boolean deferred;

    void defer(boolean deferred) {
        this.deferred = deferred;
    }

    @ApplicationModuleListener
    @Async(ListenerExecutors.DOCUMENTS) // its own small pool: a burst of submissions never holds every listener's thread
    void on(RecordDocumentsDue due) {
        if (deferred) {
            throw new IllegalStateException("文书出具暂缓（压测）：记录 " + due.recordId() + " 的文书稍后出具");
        }
        Submitter.of(users.findByUsername(due.submittedBy()).orElseThrow()).run(() -> PublicAddress.reachedAt(due.reachedAt(), () -> {
            int issued = documents.issueOnce(due.recordId()).size();
            if (issued > 0) {
                audit.record("出具现场检查文书", "现场检查记录", due.recordId(), Outcome.SUCCESS, "提交后出具" + issued + "份文书");
            }
        }));
    }

    /** Delivers again the orders whose issue failed (only these: other listeners keep their own retries). */
    @Scheduled(fixedDelayString = "${zhifa.inspection.documents-retry-interval:PT5M}",
            initialDelayString = "${zhifa.inspection.documents-retry-interval:PT5M}")
    @SchedulerLock(name = "inspection-documents-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void retryFailed() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(retryAfter)
                .withFilter(publication -> publication.getEvent() instanceof RecordDocumentsDue));
    }

    /** The submitting officer, acting through the system after the request that submitted has been answered. */
    private record Submitter(long userId, String username, String displayName, long organizationId, Set<Role> roles)
            implements Actor {

        static Submitter of(UserView user) {
            return new Submitter(user.id(), user.username(), user.displayName(), user.organizationId(), user.roles());
        }

        void run(Runnable work) {
            var previous = SecurityContextHolder.getContext();
            var context = SecurityContextHolder.createEmptyContext();
            List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            context.setAuthentication(new UsernamePasswordAuthenticationToken(this, null, authorities));
            SecurityContextHolder.setContext(context);
            try {
                work.run();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
    }
}
