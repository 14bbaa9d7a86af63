package cn.zhifa.training.web;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import cn.zhifa.training.internal.TrainingLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Training plans and sessions (期, 学时, 人次) and 练兵/比武 with their awards: lists with filters, Excel, forms. */
@Controller
@Allowed(Action.READ_BUSINESS)
class TrainingPages {

    private final TrainingLog log;
    private final UserManagement users;
    private final Clock clock;

    TrainingPages(TrainingLog log, UserManagement users, Clock clock) {
        this.log = log;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/training/sessions")
    String sessions(@RequestParam(required = false) String q, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) Integer page, Model model) {
        List<TrainingLog.Session> all = log.sessions(q, year);
        model.addAttribute("sessions", Page.of(all, Page.number(page), 20));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("year", year);
        model.addAttribute("years", years());
        model.addAttribute("plans", log.plans());
        model.addAttribute("officers", officers());
        model.addAttribute("headcount", all.stream().mapToInt(s -> s.participants().size()).sum());
        model.addAttribute("hours", all.stream().map(TrainingLog.Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("pagerQuery", Xlsx.query("q", q, "year", year));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "training/sessions";
    }

    @GetMapping("/training/sessions.xlsx")
    ResponseEntity<byte[]> sessionsExport(@RequestParam(required = false) String q, @RequestParam(required = false) Integer year) {
        return Xlsx.of("培训记录", List.of("培训计划", "主题", "开始日期", "结束日期", "学时", "授课人", "参训人数", "参训人员"),
                log.sessions(q, year).stream().map(s -> List.<Object>of(s.planTitle() == null ? "" : s.planTitle(), s.topic(),
                        s.startsOn().toString(), s.endsOn().toString(), s.hours(), s.trainer(), s.participants().size(),
                        String.join("、", s.participants()))).toList());
    }

    @PostMapping("/training/plans")
    @Allowed(Action.MANAGE_TRAINING)
    String addPlan(@RequestParam(required = false) Integer year, @RequestParam(required = false) String title, RedirectAttributes redirect) {
        try {
            log.addPlan(year == null ? 0 : year, title);
            redirect.addFlashAttribute("message", "已新增培训计划。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/training/sessions";
    }

    @PostMapping("/training/sessions")
    @Allowed(Action.MANAGE_TRAINING)
    String addSession(@RequestParam(required = false) Long planId, @RequestParam(required = false) String topic,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                      @RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String trainer,
                      @RequestParam(required = false) List<Long> participantIds, Model model, RedirectAttributes redirect) {
        try {
            log.addSession(new TrainingLog.NewSession(planId, topic, startsOn, endsOn, hours, trainer, participantIds));
        } catch (RuleViolation refused) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("planId", planId);
            form.put("topic", topic);
            form.put("startsOn", startsOn);
            form.put("endsOn", endsOn);
            form.put("hours", hours);
            form.put("trainer", trainer);
            form.put("participantIds", participantIds == null ? List.of() : participantIds);
            model.addAttribute("form", form);
            model.addAttribute("formError", refused.getMessage());
            return sessions(null, null, null, model);
        }
        redirect.addFlashAttribute("message", "已登记培训。");
        return "redirect:/training/sessions";
    }

    @GetMapping("/training/contests")
    String contests(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("contests", Page.of(log.contests(year), Page.number(page), 20));
        model.addAttribute("year", year);
        model.addAttribute("years", years());
        model.addAttribute("officers", officers());
        model.addAttribute("pagerQuery", Xlsx.query("year", year));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "training/contests";
    }

    @GetMapping("/training/contests.xlsx")
    ResponseEntity<byte[]> contestsExport(@RequestParam(required = false) Integer year) {
        return Xlsx.of("练兵比武", List.of("类别", "名称", "日期", "参赛队伍", "参加人数", "成绩情况", "获奖"),
                log.contests(year).stream().map(c -> List.<Object>of(c.kindLabel(), c.name(), c.heldOn().toString(), c.teams(),
                        c.participants(), c.results() == null ? "" : c.results(),
                        String.join("；", c.awards().stream().map(TrainingLog.Award::label).toList()))).toList());
    }

    @PostMapping("/training/contests")
    @Allowed(Action.MANAGE_TRAINING)
    String addContest(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                      @RequestParam(required = false) Integer teams, @RequestParam(required = false) Integer participants,
                      @RequestParam(required = false) String results, @RequestParam(required = false) String teamAwards,
                      @RequestParam(required = false) List<Long> awardedOfficers, @RequestParam(required = false) String individualPrize,
                      Model model, RedirectAttributes redirect) {
        try {
            log.addContest(new TrainingLog.NewContest("CONTEST".equals(kind), name, heldOn, teams, participants, results, teamAwards,
                    awardedOfficers, individualPrize));
        } catch (RuleViolation refused) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("kind", kind);
            form.put("name", name);
            form.put("heldOn", heldOn);
            form.put("teams", teams);
            form.put("participants", participants);
            form.put("results", results);
            form.put("teamAwards", teamAwards);
            form.put("individualPrize", individualPrize);
            model.addAttribute("form", form);
            model.addAttribute("formError", refused.getMessage());
            return contests(null, null, model);
        }
        redirect.addFlashAttribute("message", "已登记练兵比武。");
        return "redirect:/training/contests";
    }

    private List<UserView> officers() {
        return users.search(null, null, 0, 200).items().stream()
                .filter(u -> u.roles().contains(Role.OFFICER) || u.roles().contains(Role.LEADER)).toList();
    }

    private List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        return IntStream.rangeClosed(0, 4).mapToObj(i -> now - i).toList();
    }
}
