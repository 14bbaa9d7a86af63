package cn.zhifa.township.internal;

import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.PendingWorkCounter;
import java.util.List;
import org.springframework.stereotype.Component;

/** The officer's open leads from 专职安全员 on the home page. */
@Component
class LeadPendingWork implements PendingWorkCounter {

    private final AssistingVisits visits;

    LeadPendingWork(AssistingVisits visits) {
        this.visits = visits;
    }

    @Override
    public List<Pending> count(Actor actor) {
        if (!actor.has(Role.OFFICER)) {
            return List.of();
        }
        return List.of(new Pending("待处理专职安全员线索", visits.openLeadsOf(actor.userId()),
                "/township/leads?mine=true&status=OPEN", 260));
    }
}
