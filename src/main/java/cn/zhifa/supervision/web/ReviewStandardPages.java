package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.supervision.review.CaseReviewViews;
import cn.zhifa.supervision.review.CaseReviews;
import cn.zhifa.supervision.review.ReviewGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 案卷评查标准 as a page: the current version with its groups, items, points and 否决项, the versions kept, and (for
 * ADMIN and SUPERVISOR) a form that saves a whole new version. Plans keep the version they were made with.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class ReviewStandardPages {

    /** Blank rows offered under the current items for new ones. */
    private static final int BLANK_ROWS = 3;

    private final CaseReviews reviews;

    ReviewStandardPages(CaseReviews reviews) {
        this.reviews = reviews;
    }

    /** A row of the form as typed: group code, text, points and 否决项 (yes/no) as strings, kept when refused. */
    record Row(String group, String text, String points, boolean veto) {

        boolean blank() {
            return (text == null || text.isBlank()) && (points == null || points.isBlank());
        }
    }

    record StandardForm(String name, String excellentMin, String passMin, List<Row> rows) {
    }

    @GetMapping("/supervision/case-review-standard")
    String standard(Model model) {
        CaseReviewViews.Standard current = reviews.currentStandard();
        model.addAttribute("standard", current);
        model.addAttribute("versions", reviews.versions());
        model.addAttribute("groups", ReviewGroup.values());
        java.util.Map<ReviewGroup, List<CaseReviewViews.StandardItem>> byGroup = new java.util.EnumMap<>(ReviewGroup.class);
        current.items().forEach(i -> byGroup.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
        model.addAttribute("byGroup", byGroup);
        if (!model.containsAttribute("standardForm")) {
            List<Row> rows = new ArrayList<>();
            current.items().forEach(i -> rows.add(new Row(i.group().name(), i.text(), i.points().toPlainString(), i.veto())));
            for (int n = 0; n < BLANK_ROWS; n++) {
                rows.add(new Row("", "", "", false));
            }
            model.addAttribute("standardForm", new StandardForm(current.name().replaceAll("（第\\d+版）$", ""),
                    current.excellentMin().toPlainString(), current.passMin().toPlainString(), rows));
        }
        return "supervision/review-standard";
    }

    /** Saves the form as a new current version; a refusal is shown on the form with every row as typed. */
    @PostMapping("/supervision/case-review-standard")
    @Allowed(Action.EDIT_CASE_REVIEW_STANDARD)
    String save(@RequestParam(required = false) String name, @RequestParam(required = false) String excellentMin,
                @RequestParam(required = false) String passMin, jakarta.servlet.http.HttpServletRequest request, Model model,
                RedirectAttributes redirect) {
        // the rows' fields read as sent (never split at commas), aligned by position
        List<String> groups = values(request, "group"), texts = values(request, "text"), points = values(request, "points"),
                vetoes = values(request, "veto");
        int size = Math.max(size(groups), Math.max(size(texts), Math.max(size(points), size(vetoes))));
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            rows.add(new Row(at(groups, n), at(texts, n), at(points, n), "yes".equals(at(vetoes, n))));
        }
        StandardForm form = new StandardForm(name, excellentMin, passMin, rows);
        try {
            List<CaseReviews.NewItem> items = new ArrayList<>();
            int shown = 0;
            for (Row row : rows) {
                shown++;
                if (row.blank()) {
                    continue;
                }
                items.add(new CaseReviews.NewItem(group(row.group(), shown), row.text(), number(row.points(), "第" + shown + "项：分值"),
                        row.veto()));
            }
            CaseReviewViews.Standard saved = reviews.saveVersion(new CaseReviews.NewVersion(name,
                    number(excellentMin, "优秀线"), number(passMin, "合格线"), items));
            redirect.addFlashAttribute("message", "评查标准第" + saved.version() + "版已保存并启用；已有评查计划仍按原版本评分。");
            return "redirect:/supervision/case-review-standard";
        } catch (RuleViolation refused) {
            model.addAttribute("standardForm", form);
            model.addAttribute("standardError", refused.getMessage());
            return standard(model);
        }
    }

    private static ReviewGroup group(String code, int row) {
        for (ReviewGroup g : ReviewGroup.values()) {
            if (g.name().equals(code)) {
                return g;
            }
        }
        throw new RuleViolation("第" + row + "项：请选择分组。");
    }

    private static BigDecimal number(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            throw new RuleViolation("请填写" + what + "。");
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(what + "应为数字。");
        }
    }

    private static List<String> values(jakarta.servlet.http.HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : java.util.Arrays.asList(values);
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int n) {
        return values == null || n >= values.size() || values.get(n) == null ? "" : values.get(n);
    }
}
