package cn.zhifa.hazard.internal;

import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.TodoCounter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Overdue and due-soon hazards of the user's subtree on the home page. */
@Component
class HazardTodos implements TodoCounter {

    private final HazardManagement hazards;

    HazardTodos(HazardManagement hazards) {
        this.hazards = hazards;
    }

    @Override
    public List<Todo> count(Actor actor) {
        if (!actor.has(Role.OFFICER) && !actor.has(Role.LEADER)) {
            return List.of();
        }
        List<HazardView> open = hazards.list("open", null);
        List<Todo> todos = new ArrayList<>();
        todos.add(new Todo("逾期未整改隐患", open.stream().filter(HazardView::overdue).count(), "/hazards?filter=overdue", 250));
        todos.add(new Todo("即将到期隐患", open.stream().filter(HazardView::dueSoon).count(), "/hazards?filter=due-soon", 251));
        return todos;
    }
}
