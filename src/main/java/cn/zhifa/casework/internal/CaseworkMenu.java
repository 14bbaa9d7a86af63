package cn.zhifa.casework.internal;

import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseFilter;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseStage;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PendingWorkCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Menu entries and home-page to-dos: cases waiting for the user's approval or review, cases near or past a deadline. */
@Component
class CaseworkMenu implements MenuContribution, PendingWorkCounter {

    private static final Set<Role> CASE_ROLES = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);

    private final CaseManagement cases;
    private final CaseDeadlines deadlines;

    CaseworkMenu(CaseManagement cases, CaseDeadlines deadlines) {
        this.cases = cases;
        this.deadlines = deadlines;
    }

    @Override
    public List<MenuItem> menuItems() {
        return List.of(
                new MenuItem("案件", "案件办理", "/cases", CASE_ROLES, 300),
                new MenuItem("案件", "法制审核", "/cases/reviews", Set.of(Role.LEGAL), 310),
                new MenuItem("案件", "案审会记录", "/cases/meetings", Set.of(Role.LEGAL, Role.LEADER), 320),
                new MenuItem("案件", "案件期限预警", "/cases/deadlines", Set.of(Role.LEADER, Role.SUPERVISOR, Role.OFFICER), 330),
                new MenuItem("案件", "案件统计", "/cases/statistics", CASE_ROLES, 340));
    }

    @Override
    public List<Pending> count(Actor actor) {
        if (CASE_ROLES.stream().noneMatch(actor::has)) {
            return List.of();
        }
        List<Pending> pendingWork = new ArrayList<>();
        if (actor.has(Role.LEGAL)) {
            pendingWork.add(new Pending("待法制审核案件", cases.reviewQueue().size(), "/cases/reviews", 300));
        }
        if (actor.has(Role.LEADER)) {
            long waiting = cases.search(CaseFilter.none(), null, CaseStage.awaitingLeader(), 0, 1).total();
            pendingWork.add(new Pending("待审批案件", waiting, "/cases?waiting=approval", 301));
        }
        boolean all = actor.has(Role.LEADER) || actor.has(Role.SUPERVISOR);
        var atRisk = deadlines.casesAtRisk(all ? null : actor.userId());
        pendingWork.add(new Pending("临期案件", atRisk.near(), "/cases/deadlines", 302));
        pendingWork.add(new Pending("逾期案件", atRisk.overdue(), "/cases/deadlines", 303));
        return pendingWork;
    }
}
