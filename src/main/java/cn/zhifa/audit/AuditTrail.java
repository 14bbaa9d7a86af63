package cn.zhifa.audit;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.internal.AuditLog;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The append-only, keyed hash-chained audit log. HTTP commands are recorded automatically; listeners,
 * sweeps and other non-HTTP state changes call {@link #record}.
 */
@Service
public class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** Records a state change made by the current user, or by the system when nobody is logged in. */
    public void record(String action, String targetType, Object targetId, Outcome outcome, String detail) {
        Actor actor = Actors.current().orElse(null);
        log.append(actor == null ? "system" : actor.username(), actor == null ? null : actor.userId(),
                actor == null ? null : actor.organizationId(), action, targetType,
                targetId == null ? null : String.valueOf(targetId), outcome, detail, null);
    }

    public Page<AuditRecord> search(String actor, String action, LocalDate from, LocalDate to, Outcome outcome,
                                    int page, int size) {
        return log.search(actor, action, from, to, outcome, page, size);
    }

    public ChainCheck verifyChain() {
        return log.verify();
    }

    /**
     * Signs a checkpoint of the chain now (besides the daily one) and returns the check against it.
     * Refused while the chain does not verify: a checkpoint must never bless a tampered log.
     */
    public ChainCheck checkpointNow() {
        ChainCheck check = log.verify();
        if (!check.intact()) {
            throw new RuleViolation("哈希链校验未通过，不能生成检查点：" + check.problem());
        }
        log.checkpoint();
        return log.verify();
    }
}
