package cn.zhifa.publicity.web;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.DrawManagement;
import cn.zhifa.planning.InspectionPlan;
import cn.zhifa.planning.PlanManagement;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.publicity.internal.PowerList;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.web.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 事前公开 on the portal (no login): the enforcement bodies, the 权责清单 in numbers, this year's published inspection
 * plans with the 随机抽查事项清单, the certified officers (certificate number and area), how to complain and the
 * parties' rights.
 */
@Controller
class PublicDisclosure {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PlanManagement plans;
    private final DrawManagement draws;
    private final OfficerManagement officers;
    private final OrganizationManagement organizations;
    private final PowerList powers;
    private final PublicityManagement publicity;
    private final Clock clock;

    PublicDisclosure(PlanManagement plans, DrawManagement draws, OfficerManagement officers, OrganizationManagement organizations,
                     PowerList powers, PublicityManagement publicity, Clock clock) {
        this.plans = plans;
        this.draws = draws;
        this.officers = officers;
        this.organizations = organizations;
        this.powers = powers;
        this.publicity = publicity;
        this.clock = clock;
    }

    /** A published plan as the public reads it. */
    record PublicPlan(String unit, String title, LocalDate publishedOn, int keyFirms, String randomRatio, List<String> campaigns,
                      List<DrawManagement.CheckItem> checkItems) {
    }

    /** A certified officer as the public reads it. */
    record PublicOfficer(String name, String certificateNo, String unit, String area) {
    }

    @GetMapping("/public/before")
    String page(@RequestParam(required = false) Integer page, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<PublicPlan> published = new ArrayList<>();
        Set<Long> units = new LinkedHashSet<>();
        for (InspectionPlan plan : plans.publishedPlans(today.getYear())) {
            String unit = organizations.find(plan.getOrganizationId()).map(OrganizationView::name).orElse("");
            published.add(new PublicPlan(unit, plan.getTitle(),
                    plan.getPublishedAt() == null ? null : LocalDate.ofInstant(plan.getPublishedAt(), CHINA),
                    plan.getItems().size(), plan.getRandomRatio() == null ? "" : plan.getRandomRatio().stripTrailingZeros().toPlainString() + "%",
                    plan.getCampaigns().stream().map(c -> c.name() + (c.basis() == null || c.basis().isBlank() ? "" : "（" + c.basis() + "）")).toList(),
                    draws.checkItems(plan.getOrganizationId())));
            units.addAll(organizations.subtreeIds(plan.getOrganizationId()));
        }
        Map<Long, String> unitNames = new HashMap<>();
        Map<String, String> areaNames = new HashMap<>();
        List<PublicOfficer> certified = officers.certifiedOfficers(units, today).stream()
                .sorted(Comparator.comparing(OfficerSummary::organizationId).thenComparing(OfficerSummary::certificateNo))
                .map(o -> {
                    String unit = unitNames.computeIfAbsent(o.organizationId(),
                            id -> organizations.find(id).map(OrganizationView::name).orElse(""));
                    String area = o.townCode() == null || o.townCode().isBlank() ? unit
                            : areaNames.computeIfAbsent(o.organizationId() + ":" + o.townCode(), k -> officers.townsFor(o.organizationId())
                            .stream().filter(t -> o.townCode().equals(t.divisionCode())).map(OrganizationView::name).findFirst().orElse(unit));
                    return new PublicOfficer(o.name(), o.certificateNo(), unit, area);
                }).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        int powerYear = powers.publicYear(today.getYear());
        powers.counts(powerYear).forEach((k, n) -> counts.put(k.label(), n));
        model.addAttribute("plans", published);
        model.addAttribute("year", today.getYear());
        model.addAttribute("bodies", published.stream().map(PublicPlan::unit).distinct().toList());
        model.addAttribute("officers", Page.of(certified, Page.number(page), 50));
        model.addAttribute("powerYear", powerYear);
        model.addAttribute("powerCounts", counts);
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-before";
    }
}
