package cn.zhifa.monitoring.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every morning (before the duty day starts) each patrolling unit's 今日在线巡查 list is prepared, so the officers find it
 * ready instead of it being drawn on the first page open. Idempotent: a unit's list of a day is made once (unique per unit
 * and day), a second run the same day adds nothing. Each unit's list is drawn as that unit (grading is scoped), in its own
 * transaction; a unit that fails is audited and the others still get theirs.
 */
@Component
class PatrolListSweep {

    /** A unit with a list in the last 30 days patrols online. */
    static final int ACTIVE_DAYS = 30;

    private static final Logger log = LoggerFactory.getLogger(PatrolListSweep.class);

    private final PatrolLists patrols;
    private final OrganizationManagement organizations;
    private final AuditTrail audit;

    PatrolListSweep(PatrolLists patrols, OrganizationManagement organizations, AuditTrail audit) {
        this.patrols = patrols;
        this.organizations = organizations;
        this.audit = audit;
    }

    @Scheduled(cron = "${zhifa.monitoring.patrol.list-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "monitoring-patrol-lists", lockAtMostFor = "PT1H")
    void prepareToday() {
        prepare(patrols.today());
    }

    /** Prepares the lists of {@code day}; returns how many were created (0 on a second run the same day). */
    int prepare(LocalDate day) {
        List<Long> units = patrols.patrollingUnits(day, ACTIVE_DAYS);
        int created = 0;
        for (long unit : units) {
            if (patrols.exists(unit, day)) {
                continue;
            }
            String name = organizations.find(unit).map(OrganizationView::name).orElse("");
            try {
                asUnit(new UnitActor(unit, name), () -> patrols.generate(unit, day, false));
                created++;
            } catch (RuleViolation | org.springframework.dao.DataAccessException | org.springframework.security.access.AccessDeniedException failed) {
                log.warn("daily patrol list of unit {} for {} not prepared", unit, day, failed);
                audit.record("生成今日在线巡查名单", "单位", unit, Outcome.FAILURE, name + " " + day + "：" + failed.getMessage());
            }
        }
        if (created > 0) {
            audit.record("生成今日在线巡查名单", "在线巡查名单", null, Outcome.SUCCESS, day + " 生成 " + created + " 个单位的名单");
        }
        return created;
    }

    private static void asUnit(UnitActor unit, Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(unit, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
