package cn.zhifa.hazard.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 检查与隐患统计: visits and firms by kind and mode, hazards and the rectification rate, per officer and unit. */
@Controller
@Allowed(Action.READ_BUSINESS)
class StatisticsPage {

    private final InspectionManagement inspections;
    private final HazardManagement hazards;
    private final OrganizationManagement organizations;
    private final UserManagement users;

    StatisticsPage(InspectionManagement inspections, HazardManagement hazards, OrganizationManagement organizations,
                   UserManagement users) {
        this.inspections = inspections;
        this.hazards = hazards;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/inspection/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int chosen = year == null ? hazards.today().getYear() : year;
        model.addAttribute("year", chosen);
        model.addAttribute("visits", inspections.statistics(chosen));
        model.addAttribute("hazards", hazards.statistics(chosen));
        Map<Long, String> units = new HashMap<>();
        organizations.visibleTree().forEach(o -> units.put(o.id(), o.name()));
        model.addAttribute("units", units);
        Map<Long, String> names = new HashMap<>();
        hazards.statistics(chosen).perOfficer().forEach(r -> {
            try {
                names.put(r.id(), users.displayName(r.id()));
            } catch (RuntimeException outOfScope) {
                names.put(r.id(), "#" + r.id());
            }
        });
        model.addAttribute("officerNames", names);
        return "hazard/statistics";
    }
}
