package cn.zhifa.training.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class TrainingMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> staff = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);
        return List.of(new MenuItem("学法培训", "在线考试", "/training/exams", staff, 760),
                new MenuItem("学法培训", "学法清单", "/training/checklist", staff, 761),
                new MenuItem("学法培训", "题库", "/training/questions", Set.of(Role.LEADER, Role.ADMIN), 762),
                new MenuItem("学法培训", "培训记录", "/training/sessions", staff, 763),
                new MenuItem("学法培训", "练兵比武", "/training/contests", staff, 764),
                new MenuItem("学法培训", "逢查必考统计", "/training/spot-quiz", staff, 765));
    }
}
