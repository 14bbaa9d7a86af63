package cn.zhifa.training.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.RecordStatus;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.training.internal.SpotQuizzes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
 * 逢查必考 on the phone during an inspection (who answers, drawing, each question, the answers and the score) and the
 * statistics per unit, 应知应会 set and firm with their Excel export.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class SpotQuizPages {

    private final SpotQuizzes quizzes;
    private final Clock clock;

    SpotQuizPages(SpotQuizzes quizzes, Clock clock) {
        this.quizzes = quizzes;
        this.clock = clock;
    }

    @GetMapping("/inspection/records/{id}/spot-quiz")
    String quiz(@PathVariable long id, Model model) {
        InspectionRecord record = quizzes.record(id);
        SpotQuizzes.Quiz quiz = quizzes.of(id).orElse(null);
        long me = Actors.require().userId();
        model.addAttribute("record", record);
        model.addAttribute("quiz", quiz);
        model.addAttribute("questions", quiz == null ? List.of() : quizzes.questions(quiz));
        model.addAttribute("working", record.getStatus() == RecordStatus.DRAFT
                && record.getMembers().stream().anyMatch(m -> m.userId() == me));
        model.addAttribute("rules", quizzes.rules());
        model.addAttribute("passMark", quizzes.rules().passMark().stripTrailingZeros().toPlainString());
        model.addAttribute("posts", SpotQuizzes.POSTS);
        model.addAttribute("industries", SpotQuizzes.INDUSTRIES);
        model.addAttribute("counts", IntStream.rangeClosed(quizzes.rules().minCount(), quizzes.rules().maxCount()).boxed().toList());
        model.addAttribute("finding", quiz != null && quiz.failed() ? quizzes.findingOf(quiz) : null);
        if (!model.containsAttribute("form")) {
            Map<String, Object> form = new HashMap<>();
            form.put("industry", quizzes.defaultIndustry(record) == null ? "" : quizzes.defaultIndustry(record));
            form.put("count", quizzes.rules().defaultCount());
            form.put("post", SpotQuizzes.POSTS.get(0));
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("given")) {
            model.addAttribute("given", quiz == null ? Map.of() : quiz.answers());
        }
        return "training/spot-quiz";
    }

    @PostMapping("/inspection/records/{id}/spot-quiz")
    @Allowed(Action.SPOT_QUIZ)
    @AuditAction("逢查必考抽题")
    String draw(@PathVariable long id, @RequestParam(required = false) String personName,
                @RequestParam(required = false) String post, @RequestParam(required = false) String otherPost,
                @RequestParam(required = false) Integer count, @RequestParam(required = false) String industry,
                Model model, RedirectAttributes redirect) {
        String chosenPost = "其他".equals(post) ? otherPost : post;
        try {
            SpotQuizzes.Quiz quiz = quizzes.draw(id, new SpotQuizzes.Draw(personName, chosenPost, count, industry == null ? "" : industry));
            redirect.addFlashAttribute("message", "已抽取 " + quiz.questionIds().size() + " 道题，请逐题记录" + quiz.personName() + "的回答。");
            return "redirect:/inspection/records/" + id + "/spot-quiz";
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            Map<String, Object> form = new HashMap<>();
            form.put("personName", personName);
            form.put("post", post);
            form.put("otherPost", otherPost);
            form.put("count", count);
            form.put("industry", industry == null ? "" : industry);
            model.addAttribute("form", form);
            Audit.refused(refused.getMessage());
            model.addAttribute("formError", refused.getMessage());
            return quiz(id, model);
        }
    }

    @PostMapping("/inspection/records/{id}/spot-quiz/answers")
    @Allowed(Action.SPOT_QUIZ)
    @AuditAction("逢查必考记录答题结果")
    String answer(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        Map<Long, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.matches("q\\d{1,18}")) {
                answers.put(Long.parseLong(name.substring(1)), String.join("", values));
            }
        });
        try {
            SpotQuizzes.Quiz quiz = quizzes.answer(id, answers);
            redirect.addFlashAttribute("message", "已记录答题结果：" + quiz.line() + "。");
            return "redirect:/inspection/records/" + id + "/spot-quiz";
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            model.addAttribute("given", answers);
            Audit.refused(refused.getMessage());
            model.addAttribute("answerError", refused.getMessage());
            return quiz(id, model);
        }
    }

    @GetMapping("/training/spot-quiz")
    String statistics(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit,
                      @RequestParam(required = false) Integer page, Model model) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        SpotQuizzes.Statistics statistics = quizzes.statistics(chosen, unit);
        model.addAttribute("statistics", statistics);
        model.addAttribute("firms", Page.of(statistics.firms(), Page.number(page), 20));
        model.addAttribute("year", chosen);
        model.addAttribute("unit", unit);
        model.addAttribute("years", IntStream.rangeClosed(0, 4).mapToObj(i -> LocalDate.now(clock).getYear() - i).toList());
        model.addAttribute("units", quizzes.units());
        model.addAttribute("passMark", quizzes.rules().passMark().stripTrailingZeros().toPlainString());
        model.addAttribute("pagerQuery", Xlsx.query("year", chosen, "unit", unit));
        return "training/spot-quiz-statistics";
    }

    @GetMapping("/training/spot-quiz.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        SpotQuizzes.Statistics statistics = quizzes.statistics(chosen, unit);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(chosen, "合计", statistics.total()));
        statistics.units().forEach(r -> rows.add(row(chosen, "单位", r)));
        statistics.industries().forEach(r -> rows.add(row(chosen, "行业", r)));
        statistics.firms().forEach(r -> rows.add(row(chosen, "企业", r)));
        return Xlsx.of("逢查必考统计", List.of("年度", "统计口径", "名称", "考核人次", "平均分", "合格率（%）"), rows);
    }

    private static List<Object> row(int year, String kind, SpotQuizzes.Row r) {
        return List.of(year, kind, r.name(), r.people(), r.averageScore() == null ? "" : r.averageScore(),
                r.passRate() == null ? "" : r.passRate());
    }
}
