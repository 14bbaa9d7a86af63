package cn.zhifa.hazard.internal;

import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.PendingWorkCounter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Overdue and due-soon hazards of the user's subtree on the home page. */
@Component
class HazardPendingWork implements PendingWorkCounter {

    private final HazardManagement hazards;

    HazardPendingWork(HazardManagement hazards) {
        this.hazards = hazards;
    }

    @Override
    public List<Pending> count(Actor actor) {
        if (!actor.has(Role.OFFICER) && !actor.has(Role.LEADER)) {
            return List.of();
        }
        Map<String, Long> counts = hazards.counts(List.of("overdue", "due-soon"));
        return List.of(new Pending("逾期未整改隐患", counts.get("overdue"), "/hazards?filter=overdue", 250),
                new Pending("即将到期隐患", counts.get("due-soon"), "/hazards?filter=due-soon", 251));
    }
}
