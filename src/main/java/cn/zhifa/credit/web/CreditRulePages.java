package cn.zhifa.credit.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.credit.internal.CreditGrading;
import cn.zhifa.credit.internal.CreditRule;
import cn.zhifa.credit.internal.CreditRules;
import cn.zhifa.shared.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** ADMIN maintains the dated credit-grade rule table: versions by effective date, rows added or removed. */
@Controller
@Allowed(Action.EDIT_CREDIT_RULES)
class CreditRulePages {

    private final CreditRules rules;
    private final Clock clock;

    CreditRulePages(CreditRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping("/credit/rules")
    String show(Model model) {
        List<CreditRule> all = rules.all();
        TreeMap<LocalDate, List<CreditRule>> versions = all.stream()
                .collect(Collectors.groupingBy(CreditRule::effectiveFrom, TreeMap::new, Collectors.toList()));
        LocalDate today = LocalDate.now(clock);
        List<CreditRule> current = CreditGrading.inForce(all, today);
        model.addAttribute("versions", versions.descendingMap());
        model.addAttribute("inForce", current.isEmpty() ? null : current.get(0).effectiveFrom());
        model.addAttribute("grades", CreditRule.GRADES);
        model.addAttribute("today", today);
        return "credit/rules";
    }

    /** What the administrator typed into the new-rule form, shown again with a refusal. */
    record RuleForm(String effectiveFrom, String priority, String name, String grade, String lookbackMonths, String listed,
                    String minAccidents, String minPenalties, String minFineYuan, String minMajorHazards,
                    String minOverdueMajorHazards) {
    }

    /** What was typed into the copy form, shown again with a refusal. */
    record CopyForm(String from, String to) {
    }

    @Allowed(Action.EDIT_CREDIT_RULES)
    @PostMapping("/credit/rules")
    @AuditAction("新增信用等级规则")
    @Transactional
    String add(@RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String priority,
               @RequestParam(required = false) String name, @RequestParam(required = false) String grade,
               @RequestParam(defaultValue = "36") String lookbackMonths, @RequestParam(required = false) String listed,
               @RequestParam(required = false) String minAccidents, @RequestParam(required = false) String minPenalties,
               @RequestParam(required = false) String minFineYuan, @RequestParam(required = false) String minMajorHazards,
               @RequestParam(required = false) String minOverdueMajorHazards, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        RuleForm form = new RuleForm(effectiveFrom, priority, name, grade, lookbackMonths, listed, minAccidents, minPenalties,
                minFineYuan, minMajorHazards, minOverdueMajorHazards);
        return refusable(model, response, f -> f.addAttribute("ruleForm", form), () -> {
            LocalDate from = date(effectiveFrom, "施行日期");
            Integer order = integer(priority, "顺序");
            if (order == null) {
                throw new RuleViolation("请填写顺序。");
            }
            if (name == null || name.isBlank() || name.length() > 60) {
                throw new RuleViolation("请填写规则名称（不超过 60 个字）。");
            }
            if (!CreditRule.GRADES.contains(grade)) {
                throw new RuleViolation("信用等级只能是：" + String.join("、", CreditRule.GRADES) + "。");
            }
            Integer lookback = integer(lookbackMonths, "统计期间");
            if (lookback == null || lookback < 1 || lookback > 120) {
                throw new RuleViolation("统计期间应为 1 至 120 个月。");
            }
            Integer accidents = integer(minAccidents, "事故次数");
            Integer penalties = integer(minPenalties, "处罚次数");
            Integer majorHazards = integer(minMajorHazards, "重大隐患项数");
            Integer overdue = integer(minOverdueMajorHazards, "重大隐患逾期项数");
            BigDecimal fine = amount(minFineYuan);
            if (nonPositive(accidents) || nonPositive(penalties) || nonPositive(majorHazards) || nonPositive(overdue)
                    || (fine != null && fine.signum() <= 0)) {
                throw new RuleViolation("条件中的次数和金额应为正数；不设条件请留空。");
            }
            if (from.isBefore(LocalDate.now(clock)) && rules.all().stream().noneMatch(r -> r.effectiveFrom().equals(from))) {
                throw new RuleViolation("新版本的施行日期不能早于今天：已按旧规则评定的等级不能被追溯改变。");
            }
            Boolean isListed = listed == null || listed.isBlank() ? null : Boolean.valueOf(listed);
            long id = rules.add(new CreditRule(null, from, order, name.strip(), grade, lookback, isListed, accidents,
                    penalties, fine, majorHazards, overdue));
            Audit.target("信用等级规则", id);
            redirect.addFlashAttribute("message", "已新增规则“" + name.strip() + "”。");
            return "redirect:/credit/rules";
        });
    }

    @Allowed(Action.EDIT_CREDIT_RULES)
    @PostMapping("/credit/rules/{id}/delete")
    @AuditAction("删除信用等级规则")
    @Transactional
    String delete(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return refusable(model, response, f -> { }, () -> {
            CreditRule rule = rules.find(id).orElseThrow(() -> RuleViolation.notFound("规则不存在。"));
            if (!rule.effectiveFrom().isAfter(LocalDate.now(clock))) {
                throw new RuleViolation("已施行的规则版本不能修改；请以新的施行日期复制一版后修改。");
            }
            rules.delete(id);
            Audit.target("信用等级规则", id);
            redirect.addFlashAttribute("message", "已删除规则“" + rule.name() + "”。");
            return "redirect:/credit/rules";
        });
    }

    @Allowed(Action.EDIT_CREDIT_RULES)
    @PostMapping("/credit/rules/copy")
    @AuditAction("复制信用等级规则版本")
    @Transactional
    String copy(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        return refusable(model, response, f -> f.addAttribute("copyForm", new CopyForm(from, to)), () -> {
            LocalDate source = date(from, "复制版本");
            LocalDate target = date(to, "新版本施行日期");
            if (!target.isAfter(LocalDate.now(clock))) {
                throw new RuleViolation("新版本的施行日期须晚于今天。");
            }
            if (rules.all().stream().anyMatch(r -> r.effectiveFrom().equals(target))) {
                throw new RuleViolation(target + " 施行的版本已存在，请直接修改。");
            }
            int n = rules.copyVersion(source, target);
            if (n == 0) {
                throw new RuleViolation("没有可复制的规则版本。");
            }
            Audit.target("信用等级规则版本", target);
            redirect.addFlashAttribute("message", "已复制 " + n + " 条规则，自 " + target + " 起施行；请修改后再生效。");
            return "redirect:/credit/rules";
        });
    }

    /** Runs a change; a refusal shows the rule table again (422) with the message and what was typed, not the error page. */
    private String refusable(Model model, HttpServletResponse response, java.util.function.Consumer<Model> typed,
                             java.util.function.Supplier<String> change) {
        try {
            return change.get();
        } catch (RuleViolation refused) {
            response.setStatus(refused.kind() == RuleViolation.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            typed.accept(model);
            return show(model);
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("请填写" + field + "。");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation(field + "应为日期（如 2027-01-01）。");
        }
    }

    private static Integer integer(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field + "应为整数。");
        }
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("罚款累计金额应为数字（元）。");
        }
    }

    private static boolean nonPositive(Integer n) {
        return n != null && n <= 0;
    }
}
