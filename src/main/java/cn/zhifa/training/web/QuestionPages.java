package cn.zhifa.training.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.training.internal.Question;
import cn.zhifa.training.internal.QuestionBank;
import cn.zhifa.training.internal.QuestionKind;
import cn.zhifa.training.internal.QuestionSheet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 题库 (search, pages, Excel export and import, one question at a time) and the 学法清单. */
@Controller
@Allowed(Action.READ_TRAINING)
class QuestionPages {

    private final QuestionBank bank;

    QuestionPages(QuestionBank bank) {
        this.bank = bank;
    }

    @GetMapping("/training/questions")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String law,
                @RequestParam(required = false) QuestionKind kind, @RequestParam(required = false) Integer difficulty,
                @RequestParam(required = false) String post, @RequestParam(required = false) Integer page, Model model) {
        QuestionBank.Filter filter = new QuestionBank.Filter(q, law, kind, difficulty, post);
        Page<Question> rows = bank.search(filter, Page.number(page), 20);
        model.addAttribute("questions", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("laws", bank.laws());
        model.addAttribute("posts", bank.posts());
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("difficulties", Question.DIFFICULTIES);
        model.addAttribute("pagerQuery", Xlsx.query("q", q, "law", law, "kind", kind, "difficulty", difficulty, "post", post));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "training/questions";
    }

    @GetMapping("/training/questions.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String law,
                                  @RequestParam(required = false) QuestionKind kind, @RequestParam(required = false) Integer difficulty,
                                  @RequestParam(required = false) String post) {
        List<List<Object>> rows = new ArrayList<>();
        for (Question question : bank.matching(new QuestionBank.Filter(q, law, kind, difficulty, post))) {
            List<Object> row = new ArrayList<>(List.of(question.kind().label(), question.stem()));
            for (int i = 0; i < 6; i++) {
                row.add(i < question.options().size() ? question.options().get(i) : "");
            }
            row.addAll(Arrays.asList(question.answer(), question.explanation(), question.law(), question.article(), question.post(),
                    question.industry(), question.difficultyLabel()));
            rows.add(row);
        }
        return Xlsx.of("题库", QuestionSheet.TITLES, rows);
    }

    /** The import template: the title row and one sample question. */
    @GetMapping("/training/questions/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Xlsx.of("题库", QuestionSheet.TITLES, List.of(List.of("单选题", "生产经营单位的安全生产第一责任人是？", "主要负责人",
                "分管安全的负责人", "安全生产管理机构负责人", "专职安全生产管理人员", "", "", "A", "安全生产法第五条。", "安全生产法",
                "第五条", "共性", "", "基础")));
    }

    @PostMapping("/training/questions")
    @Allowed(Action.MAINTAIN_QUESTION_BANK)
    String add(@RequestParam(required = false) QuestionKind kind, @RequestParam(required = false) String stem,
               @RequestParam(required = false) String options, @RequestParam(required = false) String answer,
               @RequestParam(required = false) String explanation, @RequestParam(required = false) String law,
               @RequestParam(required = false) String article, @RequestParam(required = false) String post,
               @RequestParam(required = false) String industry, @RequestParam(required = false) Integer difficulty,
               Model model, RedirectAttributes redirect) {
        List<String> lines = kind == QuestionKind.TRUE_FALSE ? List.of("正确", "错误")
                : options == null ? List.of() : options.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        try {
            bank.add(new QuestionBank.NewQuestion(kind, stem, lines, answer, explanation, law, article, post, industry, difficulty));
        } catch (RuleViolation refused) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("kind", kind);
            form.put("stem", stem);
            form.put("options", options);
            form.put("answer", answer);
            form.put("explanation", explanation);
            form.put("law", law);
            form.put("article", article);
            form.put("post", post);
            form.put("industry", industry);
            form.put("difficulty", difficulty);
            model.addAttribute("form", form);
            model.addAttribute("formError", refused.getMessage());
            return list(null, null, null, null, null, null, model);
        }
        redirect.addFlashAttribute("message", "已加入题库。");
        return "redirect:/training/questions";
    }

    @PostMapping("/training/questions/import")
    @Allowed(Action.MAINTAIN_QUESTION_BANK)
    String importSheet(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("请选择要导入的 Excel 文件。");
            }
            int stored = bank.importRows(QuestionSheet.read(file.getOriginalFilename(), file.getBytes()));
            redirect.addFlashAttribute("message", "已导入 " + stored + " 道试题。");
        } catch (RuleViolation refused) {
            model.addAttribute("importError", refused.getMessage());
            return list(null, null, null, null, null, null, model);
        }
        return "redirect:/training/questions";
    }

    @GetMapping("/training/checklist")
    String checklist(@RequestParam(required = false) String post, @RequestParam(required = false) Integer page, Model model) {
        List<QuestionBank.ChecklistItem> items = bank.checklist(post);
        model.addAttribute("items", Page.of(items, Page.number(page), 20));
        model.addAttribute("post", post == null ? "" : post);
        model.addAttribute("posts", bank.posts());
        model.addAttribute("pagerQuery", Xlsx.query("post", post));
        return "training/checklist";
    }

    @GetMapping("/training/checklist.xlsx")
    ResponseEntity<byte[]> checklistExport(@RequestParam(required = false) String post) {
        return Xlsx.of("学法清单", List.of("岗位", "法律法规", "条款", "学习要点"), bank.checklist(post).stream()
                .map(i -> List.<Object>of(i.post(), i.law(), i.article() == null ? "" : i.article(), i.point())).toList());
    }

    @PostMapping("/training/checklist")
    @Allowed(Action.MAINTAIN_QUESTION_BANK)
    String addChecklistItem(@RequestParam(required = false) String post, @RequestParam(required = false) String law,
                            @RequestParam(required = false) String article, @RequestParam(required = false) String point,
                            Model model, RedirectAttributes redirect) {
        try {
            bank.addChecklistItem(post, law, article, point);
        } catch (RuleViolation refused) {
            model.addAttribute("formError", refused.getMessage());
            model.addAttribute("form", Map.of("post", post == null ? "" : post, "law", law == null ? "" : law,
                    "article", article == null ? "" : article, "point", point == null ? "" : point));
            return checklist(null, null, model);
        }
        redirect.addFlashAttribute("message", "已加入学法清单。");
        return "redirect:/training/checklist";
    }
}
