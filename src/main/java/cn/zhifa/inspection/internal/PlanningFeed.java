package cn.zhifa.inspection.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.planning.InspectionTasksDrawn;
import cn.zhifa.planning.VisitCompleted;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects inspections with planning: each firm of an executed 双随机 draw becomes an inspection task for
 * the drawn team (once, however often and however concurrently the event is delivered: the check below skips what an
 * earlier delivery made, the unique index of V5_71 refuses what a simultaneous one is making), and each submitted record is reported
 * back as a done visit for plan completion.
 */
@Component
class PlanningFeed {

    static final String DRAW_REF = "抽查#";

    private final InspectionManagement inspections;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    /**
     * Each task under a savepoint of its own in the listener's transaction, so one refused firm does not undo the
     * others; a transaction of its own would hold a second connection of the pool while the listener holds one.
     */
    private final TransactionTemplate separately;

    PlanningFeed(InspectionManagement inspections, ApplicationEventPublisher events, AuditTrail audit, JdbcClient jdbc,
                 PlatformTransactionManager transactions) {
        this.inspections = inspections;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(InspectionTasksDrawn drawn) {
        Actor drawingAgency = new DrawingAgency(drawn.organizationId());
        String sourceRef = abbreviate(DRAW_REF + drawn.drawId() + " " + drawn.itemName(), 100);
        for (InspectionTasksDrawn.Task task : drawn.tasks()) {
            boolean exists = jdbc.sql("SELECT count(*) FROM inspection_task WHERE source = 'DRAW' AND source_ref = ? AND enterprise_id = ?")
                    .params(sourceRef, task.enterpriseId()).query(Long.class).single() > 0;
            if (exists) {
                continue;
            }
            try {
                long taskId = separately.execute(status -> inspections.createDrawnTask(new NewTask(TaskSource.DRAW, sourceRef,
                        task.enterpriseId(), InspectionKind.GENERAL, InspectionMode.ON_SITE, task.officerUserIds(),
                        drawn.month(), null, false), drawingAgency).id());
                audit.record("双随机抽查结果生成检查任务", "检查任务", taskId, Outcome.SUCCESS, "抽查#" + drawn.drawId());
            } catch (DataAccessException failed) {
                if (!duplicate(failed)) {
                    throw failed;
                }
                // another delivery of the same draw created this firm's task meanwhile (unique index V5_71): done
            } catch (RuleViolation refused) {
                audit.record("双随机抽查结果生成检查任务", "企业", task.enterpriseId(), Outcome.REJECTED,
                        "抽查#" + drawn.drawId() + "：" + refused.getMessage());
            }
        }
    }

    @EventListener
    void on(InspectionRecorded recorded) {
        if (recorded.correctionOf() != null) {
            return;
        }
        events.publishEvent(new VisitCompleted(recorded.enterpriseId(), null, drawIdOf(recorded), recorded.date(),
                recorded.kind().label(), recorded.organizationId(), "inspection-record#" + recorded.recordId()));
    }

    /** Spring Data JDBC wraps the driver's unique violation; it is the cause somewhere down the chain. */
    private static boolean duplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Long drawIdOf(InspectionRecorded recorded) {
        if (recorded.source() != TaskSource.DRAW || recorded.sourceRef() == null || !recorded.sourceRef().startsWith(DRAW_REF)) {
            return null;
        }
        String digits = recorded.sourceRef().substring(DRAW_REF.length()).split(" ", 2)[0];
        return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Long.valueOf(digits) : null;
    }

    /** The agency that ran the draw, acting through the system when tasks are created from its result. */
    private record DrawingAgency(long organizationId) implements Actor {
        @Override public long userId() { return 0; }
        @Override public String username() { return "system"; }
        @Override public String displayName() { return "双随机抽查"; }
        @Override public Set<Role> roles() { return Set.of(); }
    }
}
