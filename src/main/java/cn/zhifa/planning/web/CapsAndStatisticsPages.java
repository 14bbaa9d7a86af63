package cn.zhifa.planning.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.DataScope;
import cn.zhifa.planning.CapException;
import cn.zhifa.planning.FrequencyControl;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Frequency-cap status with scheduling beyond the plan, and the planning statistics (ECharts). */
@Controller
class CapsAndStatisticsPages {

    private final FrequencyControl frequency;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;

    CapsAndStatisticsPages(FrequencyControl frequency, DataScope scope, JdbcClient jdbc, Clock clock) {
        this.frequency = frequency;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/planning/caps")
    String caps(@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                @RequestParam(required = false) Boolean atCap, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        String keyword = q == null ? "" : q.strip();
        List<FrequencyControl.CapStatus> matching = frequency.status(Actors.require().organizationId(), y).stream()
                .filter(s -> keyword.isEmpty() || s.firm().name().contains(keyword))
                .filter(s -> !Boolean.TRUE.equals(atCap) || s.atCap())
                .toList();
        model.addAttribute("status", matching);
        model.addAttribute("rows", Page.of(matching, Page.number(page), Page.size(size)));
        model.addAttribute("exceptions", CapException.values());
        model.addAttribute("rules", frequency.rules());
        model.addAttribute("today", LocalDate.now(clock));
        return "planning/caps";
    }

    @PostMapping("/planning/caps/extra")
    @Allowed(Action.RECORD_EXTRA_INSPECTION)
    @AuditAction("安排计划外检查")
    String extra(@RequestParam long enterpriseId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam(required = false) CapException exception, @RequestParam(required = false) String note,
                 Model model, RedirectAttributes redirect) {
        try {
            frequency.scheduleExtra(enterpriseId, date, exception, note);
            redirect.addFlashAttribute("message", "已安排计划外检查。");
            return "redirect:/planning/caps";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return caps(date == null ? null : date.getYear(), null, null, null, null, model);
        }
    }

    @GetMapping("/planning/statistics")
    @Allowed(Action.READ_DRAWS)
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        int[] drawn = new int[12];
        int[] cross = new int[12];
        int[] joint = new int[12];
        jdbc.sql("""
                SELECT d.month, d.mode, count(t.enterprise_id) FROM planning_draw d
                JOIN planning_draw_task t ON t.draw_id = d.id AND t.organization_id = d.organization_id
                WHERE d.status = 'DRAWN' AND d.month LIKE :year AND d.organization_id IN (:orgs)
                GROUP BY d.month, d.mode""").param("year", y + "-%").param("orgs", orgs)
                .query((rs, i) -> {
                    int m = Integer.parseInt(rs.getString(1).substring(5)) - 1;
                    int n = rs.getInt(3);
                    drawn[m] += n;
                    if ("CROSS".equals(rs.getString(2))) {
                        cross[m] += n;
                    } else if ("JOINT".equals(rs.getString(2))) {
                        joint[m] += n;
                    }
                    return m;
                }).list();
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(m + "月");
        }
        int planned = jdbc.sql("""
                SELECT COALESCE(sum(i.planned_visits), 0) + COALESCE((SELECT sum(random_count) FROM planning_plan
                  WHERE year = :year AND organization_id IN (:orgs)), 0)
                FROM planning_plan_item i JOIN planning_plan p ON p.id = i.plan_id AND p.organization_id = i.organization_id
                WHERE p.year = :year AND p.organization_id IN (:orgs)""").param("year", y).param("orgs", orgs)
                .query(Integer.class).single();
        int done = jdbc.sql("SELECT count(*) FROM planning_visit WHERE EXTRACT(YEAR FROM visit_date) = :year AND organization_id IN (:orgs)")
                .param("year", y).param("orgs", orgs).query(Integer.class).single();
        model.addAttribute("year", y);
        model.addAttribute("months", String.join(",", months));
        model.addAttribute("drawn", join(drawn));
        model.addAttribute("cross", join(cross));
        model.addAttribute("joint", join(joint));
        model.addAttribute("drawnTotal", java.util.Arrays.stream(drawn).sum());
        model.addAttribute("crossTotal", java.util.Arrays.stream(cross).sum());
        model.addAttribute("jointTotal", java.util.Arrays.stream(joint).sum());
        model.addAttribute("planned", planned);
        model.addAttribute("done", done);
        return "planning/statistics";
    }

    private static String join(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int v : values) {
            text.append(text.isEmpty() ? "" : ",").append(v);
        }
        return text.toString();
    }
}
