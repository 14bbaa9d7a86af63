package cn.zhifa.training.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.training.internal.DrawRule;
import cn.zhifa.training.internal.Exams;
import cn.zhifa.training.internal.Question;
import cn.zhifa.training.internal.QuestionBank;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 在线考试: the papers (组卷 by rules for a LEADER), the officer's own attempts, taking a paper on the phone with the
 * server's deadline, the results of a paper and the officers below the pass mark.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class ExamPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Exams exams;
    private final QuestionBank bank;
    private final Clock clock;

    ExamPages(Exams exams, QuestionBank bank, Clock clock) {
        this.exams = exams;
        this.bank = bank;
        this.clock = clock;
    }

    @GetMapping("/training/exams")
    String list(@RequestParam(required = false) Integer page, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Exams.Paper> papers = exams.papers();
        model.addAttribute("papers", Page.of(papers, Page.number(page), 20));
        model.addAttribute("today", today);
        Map<Long, Exams.Attempt> mine = new HashMap<>();
        exams.mine().forEach(a -> mine.put(a.paperId(), a));
        model.addAttribute("mine", mine);
        model.addAttribute("now", clock.instant());
        model.addAttribute("passMark", exams.rules().passMark().stripTrailingZeros().toPlainString());
        model.addAttribute("laws", bank.laws());
        model.addAttribute("difficulties", Question.DIFFICULTIES);
        model.addAttribute("purposes", Exams.Purpose.values());
        model.addAttribute("pagerQuery", "");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "training/exams";
    }

    @GetMapping("/training/exams.xlsx")
    ResponseEntity<byte[]> export() {
        return Xlsx.of("考试", List.of("试卷", "类别", "题数", "时长（分钟）", "开考日期", "截止日期", "合格线", "组卷规则", "随机种子"),
                exams.papers().stream().map(p -> List.<Object>of(p.title(), p.purpose().label(), p.questionIds().size(),
                        p.timeLimitMinutes(), p.opensOn().toString(), p.closesOn().toString(), p.passMark(),
                        String.join("；", p.rules().stream().map(r -> r.law() + " " + Question.DIFFICULTIES.get(r.difficulty() - 1)
                                + " " + r.count() + " 题").toList()), String.valueOf(p.seed()))).toList());
    }

    @PostMapping("/training/exams")
    @Allowed(Action.SET_EXAM)
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) Exams.Purpose purpose,
                  @RequestParam(required = false) List<String> ruleLaw, @RequestParam(required = false) List<Integer> ruleDifficulty,
                  @RequestParam(required = false) List<Integer> ruleCount, @RequestParam(required = false) Integer timeLimitMinutes,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                  Model model, RedirectAttributes redirect) {
        try {
            List<DrawRule> rules = new ArrayList<>();
            int n = ruleLaw == null ? 0 : ruleLaw.size();
            for (int i = 0; i < n; i++) {
                Integer count = ruleCount != null && i < ruleCount.size() ? ruleCount.get(i) : null;
                if (ruleLaw.get(i) == null || ruleLaw.get(i).isBlank() || count == null || count == 0) {
                    continue;
                }
                Integer difficulty = ruleDifficulty != null && i < ruleDifficulty.size() ? ruleDifficulty.get(i) : null;
                if (difficulty == null || difficulty < 1 || difficulty > 3) {
                    throw new RuleViolation("请为第 " + (i + 1) + " 条组卷规则选择难度。");
                }
                rules.add(new DrawRule(ruleLaw.get(i), difficulty, count));
            }
            long id = exams.createPaper(new Exams.NewPaper(title, purpose, rules, timeLimitMinutes, opensOn, closesOn, null));
            redirect.addFlashAttribute("message", "已组卷，共 " + exams.paper(id).questionIds().size() + " 题。");
        } catch (RuleViolation refused) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("title", title);
            form.put("purpose", purpose);
            form.put("timeLimitMinutes", timeLimitMinutes);
            form.put("opensOn", opensOn);
            form.put("closesOn", closesOn);
            model.addAttribute("form", form);
            model.addAttribute("formError", refused.getMessage());
            return list(null, model);
        }
        return "redirect:/training/exams";
    }

    @PostMapping("/training/exams/{id}/start")
    @Allowed(Action.TAKE_EXAM)
    String start(@PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/training/exams/attempts/" + exams.start(id);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/training/exams";
        }
    }

    @GetMapping("/training/exams/attempts/{id}")
    String attempt(@PathVariable long id, Model model) {
        Exams.Attempt attempt = exams.own(id);
        Exams.Paper paper = exams.paper(attempt.paperId());
        List<Question> questions = exams.questions(paper);
        model.addAttribute("attempt", attempt);
        model.addAttribute("paper", paper);
        model.addAttribute("questions", questions);
        model.addAttribute("deadline", TIME.format(attempt.deadline().atZone(clock.getZone())));
        model.addAttribute("secondsLeft", Math.max(0, attempt.deadline().getEpochSecond() - clock.instant().getEpochSecond()));
        model.addAttribute("standing", attempt.standing(clock.instant()));
        model.addAttribute("open", !attempt.submitted() && !clock.instant().isAfter(attempt.deadline()));
        return "training/attempt";
    }

    @PostMapping("/training/exams/attempts/{id}")
    @Allowed(Action.TAKE_EXAM)
    String submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        Map<Long, String> answers = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.matches("q\\d{1,18}")) {
                answers.put(Long.parseLong(name.substring(1)), String.join("", values));
            }
        });
        try {
            Exams.Attempt done = exams.submit(id, answers);
            redirect.addFlashAttribute("message", "已交卷，得分 " + done.score() + " 分，" + done.standing(clock.instant()) + "。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/training/exams/attempts/" + id;
    }

    @GetMapping("/training/exams/{id}/results")
    @Allowed(Action.SET_EXAM)
    String results(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        Exams.Paper paper = exams.paper(id);
        List<Exams.Attempt> results = exams.results(id);
        model.addAttribute("paper", paper);
        model.addAttribute("results", Page.of(results, Page.number(page), 50));
        model.addAttribute("passed", results.stream().filter(a -> Boolean.TRUE.equals(a.passed())).count());
        model.addAttribute("now", clock.instant());
        model.addAttribute("pagerQuery", "");
        return "training/results";
    }

    @GetMapping("/training/exams/{id}/results.xlsx")
    @Allowed(Action.SET_EXAM)
    ResponseEntity<byte[]> resultsExport(@PathVariable long id) {
        Exams.Paper paper = exams.paper(id);
        return Xlsx.of("考试成绩", List.of("试卷", "姓名", "开考时间", "交卷时间", "得分", "结果"), exams.results(id).stream()
                .map(a -> List.<Object>of(paper.title(), a.userName(), TIME.format(a.startedAt().atZone(clock.getZone())),
                        a.submittedAt() == null ? "" : TIME.format(a.submittedAt().atZone(clock.getZone())),
                        a.score() == null ? "" : a.score(), a.standing(clock.instant()))).toList());
    }

    @GetMapping("/training/exams/below-pass-mark")
    @Allowed(Action.SET_EXAM)
    String belowPassMark(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("results", Page.of(exams.belowPassMark(), Page.number(page), 50));
        model.addAttribute("passMark", exams.rules().passMark().stripTrailingZeros().toPlainString());
        model.addAttribute("now", clock.instant());
        model.addAttribute("pagerQuery", "");
        return "training/below-pass-mark";
    }
}
