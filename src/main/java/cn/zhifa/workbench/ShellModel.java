package cn.zhifa.workbench;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the navigation (grouped, filtered by role) and the user's name and unit to every page. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final List<MenuContribution> contributions;
    private final OrganizationManagement organizations;

    ShellModel(List<MenuContribution> contributions, OrganizationManagement organizations) {
        this.contributions = contributions;
        this.organizations = organizations;
    }

    @ModelAttribute("navigation")
    Map<String, List<MenuItem>> navigation() {
        return Actors.current().map(actor -> {
            Map<String, List<MenuItem>> groups = new LinkedHashMap<>();
            contributions.stream().flatMap(c -> c.menuItems().stream())
                    .filter(item -> item.visibleTo(actor.roles()))
                    .sorted(Comparator.comparingInt(MenuItem::order))
                    .forEach(item -> groups.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item));
            return groups;
        }).orElse(Map.of());
    }

    @ModelAttribute("actor")
    Actor actor() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("actorUnit")
    String actorUnit() {
        return Actors.current().flatMap(actor -> organizations.find(actor.organizationId()))
                .map(OrganizationView::name).orElse(null);
    }
}
