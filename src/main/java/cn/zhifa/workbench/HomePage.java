package cn.zhifa.workbench;

import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PendingWorkCounter;
import cn.zhifa.shared.web.PendingWorkCounter.Pending;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: the user's to-do counts from every module (zero until modules contribute them). */
@Controller
@Allowed(Action.SIGNED_IN)
class HomePage {

    static final int TODAY_TASKS_SHOWN = 5;

    private final List<PendingWorkCounter> counters;
    private final InspectionManagement inspections;

    HomePage(List<PendingWorkCounter> counters, InspectionManagement inspections) {
        this.counters = counters;
        this.inspections = inspections;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.require();
        List<Pending> pendingWork = counters.stream().flatMap(counter -> counter.count(actor).stream())
                .sorted(Comparator.comparingInt(Pending::order)).toList();
        model.addAttribute("pendingWork", pendingWork);
        model.addAttribute("pendingTotal", pendingWork.stream().mapToLong(Pending::count).sum());
        if (actor.has(Role.OFFICER)) {
            // an officer's day starts with the firms to inspect: the first few, and how many there are in all
            var tasks = inspections.myOpenTasks(0, TODAY_TASKS_SHOWN);
            model.addAttribute("todayTasks", tasks.items());
            model.addAttribute("todayTaskTotal", tasks.total());
        }
        return "workbench/home";
    }

    /** The shell's own entries: the home page and the user's profile. */
    @org.springframework.stereotype.Component
    static class ShellMenu implements MenuContribution {
        @Override
        public List<MenuItem> menuItems() {
            return List.of(new MenuItem("工作台", "首页", "/", Set.of(), 0),
                    new MenuItem("工作台", "个人设置", "/profile", Set.of(), 999));
        }
    }
}
