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
import cn.zhifa.shared.scheduling.NotOnThisNode;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Issues a submitted record's documents after the submission commits (asynchronously, in its own transaction), in the
 * name of the officer who submitted it, once however often the order is delivered. A failure (rendering, storage) rolls
 * the documents and their numbers back and leaves the publication incomplete: it is delivered again on restart and by
 * {@link RecordDocumentsRetries}.
 * <p>
 * A node set not to issue documents ({@code zhifa.documents.issue-here: false}, {@code ZHIFA_DOCUMENT_ISSUE_HERE}: API
 * nodes whose CPU should answer requests) leaves each order incomplete ({@link NotOnThisNode}); the record shows
 * 文书生成中 until a node that issues documents delivers the order again, within seconds ({@link RecordDocumentsRetries}).
 */
@Component
class RecordDocumentsIssuer {

    private final InspectionDocuments documents;
    private final UserManagement users;
    private final AuditTrail audit;
    private final boolean configuredHere;

    RecordDocumentsIssuer(InspectionDocuments documents, UserManagement users, AuditTrail audit,
                          @Value("${zhifa.documents.issue-here:true}") boolean issueHere) {
        this.documents = documents;
        this.users = users;
        this.audit = audit;
        this.configuredHere = issueHere;
        this.issueHere = issueHere;
    }

    /**
     * Whether this node issues documents now: as configured, unless a test or benchmark ({@code DocumentsDeferral}, issue
     * 18's {@code SubmissionBenchmark}) holds them back to measure the submissions without the rendering beside them.
     */
    private volatile boolean issueHere;

    boolean issuesHere() {
        return issueHere;
    }

    /** Tests and benchmarks: holds the documents back as a node that does not issue them would, or back to the setting. */
    void defer(boolean deferred) {
        this.issueHere = !deferred && configuredHere;
    }

    @ApplicationModuleListener
    @Async(ListenerExecutors.DOCUMENTS) // its own small pool: a burst of submissions never holds every listener's thread
    void on(RecordDocumentsDue due) {
        if (!issueHere) {
            throw new NotOnThisNode("记录 " + due.recordId() + " 的文书由出具文书的节点出具");
        }
        Submitter.of(users.findByUsername(due.submittedBy()).orElseThrow()).run(() -> PublicAddress.reachedAt(due.reachedAt(), () -> {
            int issued = documents.issueOnce(due.recordId()).size();
            if (issued > 0) {
                audit.record("出具现场检查文书", "现场检查记录", due.recordId(), Outcome.SUCCESS, "提交后出具" + issued + "份文书");
            }
        }));
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
