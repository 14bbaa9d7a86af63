package cn.zhifa.workbench;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Adds the navigation (grouped, filtered by role) and the user's name and unit to every page. A handler that answers
 * with a body (the API: {@code @RestController} is a {@code @Controller} too) renders no page and gets none of it
 * (issue 18: every terminal submission read the user's unit in a transaction of its own and built the menu).
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final List<MenuContribution> contributions;
    private final OrganizationManagement organizations;

    ShellModel(List<MenuContribution> contributions, OrganizationManagement organizations) {
        this.contributions = contributions;
        this.organizations = organizations;
    }

    /**
     * The menu groups in the order of each role's daily work (the first role of this list that the user holds decides);
     * groups not named here follow in the order of their entries.
     */
    static final Map<Role, List<String>> DAILY_WORK = Map.of(
            Role.LEADER, List.of("工作台", "案件", "执法检查", "计划与抽查", "执法业务", "企业库", "执法队伍", "法律工具"),
            Role.LEGAL, List.of("工作台", "案件", "执法业务", "法律工具", "企业库"),
            Role.SUPERVISOR, List.of("工作台", "案件", "执法检查", "计划与抽查", "企业库", "执法队伍", "法律工具"),
            Role.OFFICER, List.of("工作台", "执法检查", "案件", "执法业务", "企业库", "计划与抽查", "执法队伍", "法律工具"));
    private static final List<Role> ROLE_PRECEDENCE = List.of(Role.LEADER, Role.LEGAL, Role.SUPERVISOR, Role.OFFICER);

    @ModelAttribute("navigation")
    Map<String, List<MenuItem>> navigation(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return Map.of();
        }
        return Actors.current().map(actor -> {
            List<String> daily = ROLE_PRECEDENCE.stream().filter(actor::has).findFirst()
                    .map(DAILY_WORK::get).orElse(List.of());
            Map<String, List<MenuItem>> groups = new LinkedHashMap<>();
            contributions.stream().flatMap(c -> c.menuItems().stream())
                    .filter(item -> item.visibleTo(actor.roles()))
                    .sorted(Comparator.comparingInt((MenuItem item) -> rank(daily, item.group()))
                            .thenComparingInt(MenuItem::order))
                    .forEach(item -> groups.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item));
            return groups;
        }).orElse(Map.of());
    }

    private static int rank(List<String> daily, String group) {
        int index = daily.indexOf(group);
        return index < 0 ? daily.size() : index;
    }

    /** The current query without its page number, ready for "…&page=N" (the pager fragment keeps every filter). */
    @ModelAttribute("pagerQuery")
    String pagerQuery(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("_csrf") && "GET".equals(request.getMethod())) {
                for (String value : values) {
                    query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
                }
            }
        });
        return query.toString();
    }

    @ModelAttribute("actor")
    Actor actor() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("actorUnit")
    String actorUnit(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return null;
        }
        return Actors.current().flatMap(actor -> organizations.find(actor.organizationId()))
                .map(OrganizationView::name).orElse(null);
    }

    /** False for a handler that writes its answer as the body ({@code @ResponseBody}, or an {@code HttpEntity}). */
    static boolean rendersPage(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return true;
        }
        return !handler.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                && !HttpEntity.class.isAssignableFrom(handler.getReturnType().getParameterType());
    }
}
