package cn.zhifa.credit.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.credit.internal.CreditGrading;
import cn.zhifa.credit.internal.CreditRule;
import cn.zhifa.credit.internal.CreditRules;
import cn.zhifa.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
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

    @Allowed(Action.EDIT_CREDIT_RULES)
    @PostMapping("/credit/rules")
    @AuditAction("新增信用等级规则")
    @Transactional
    String add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
               @RequestParam int priority, @RequestParam String name, @RequestParam String grade,
               @RequestParam(defaultValue = "36") int lookbackMonths, @RequestParam(required = false) String listed,
               @RequestParam(required = false) Integer minAccidents, @RequestParam(required = false) Integer minPenalties,
               @RequestParam(required = false) BigDecimal minFineYuan, @RequestParam(required = false) Integer minMajorHazards,
               @RequestParam(required = false) Integer minOverdueMajorHazards, RedirectAttributes redirect) {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new RuleViolation("请填写规则名称（不超过 60 个字）。");
        }
        if (!CreditRule.GRADES.contains(grade)) {
            throw new RuleViolation("信用等级只能是：" + String.join("、", CreditRule.GRADES) + "。");
        }
        if (lookbackMonths < 1 || lookbackMonths > 120) {
            throw new RuleViolation("统计期间应为 1 至 120 个月。");
        }
        if (nonPositive(minAccidents) || nonPositive(minPenalties) || nonPositive(minMajorHazards)
                || nonPositive(minOverdueMajorHazards) || (minFineYuan != null && minFineYuan.signum() <= 0)) {
            throw new RuleViolation("条件中的次数和金额应为正数；不设条件请留空。");
        }
        if (effectiveFrom.isBefore(LocalDate.now(clock)) && rules.all().stream().noneMatch(r -> r.effectiveFrom().equals(effectiveFrom))) {
            throw new RuleViolation("新版本的施行日期不能早于今天：已按旧规则评定的等级不能被追溯改变。");
        }
        Boolean isListed = listed == null || listed.isBlank() ? null : Boolean.valueOf(listed);
        long id = rules.add(new CreditRule(null, effectiveFrom, priority, name.strip(), grade, lookbackMonths, isListed, minAccidents,
                minPenalties, minFineYuan, minMajorHazards, minOverdueMajorHazards));
        Audit.target("信用等级规则", id);
        redirect.addFlashAttribute("message", "已新增规则“" + name.strip() + "”。");
        return "redirect:/credit/rules";
    }

    @Allowed(Action.EDIT_CREDIT_RULES)
    @PostMapping("/credit/rules/{id}/delete")
    @AuditAction("删除信用等级规则")
    @Transactional
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        CreditRule rule = rules.find(id).orElseThrow(() -> RuleViolation.notFound("规则不存在。"));
        if (!rule.effectiveFrom().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("已施行的规则版本不能修改；请以新的施行日期复制一版后修改。");
        }
        rules.delete(id);
        Audit.target("信用等级规则", id);
        redirect.addFlashAttribute("message", "已删除规则“" + rule.name() + "”。");
        return "redirect:/credit/rules";
    }

    @Allowed(Action.EDIT_CREDIT_RULES)
    @PostMapping("/credit/rules/copy")
    @AuditAction("复制信用等级规则版本")
    @Transactional
    String copy(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, RedirectAttributes redirect) {
        if (!to.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("新版本的施行日期须晚于今天。");
        }
        if (rules.all().stream().anyMatch(r -> r.effectiveFrom().equals(to))) {
            throw new RuleViolation(to + " 施行的版本已存在，请直接修改。");
        }
        int n = rules.copyVersion(from, to);
        if (n == 0) {
            throw new RuleViolation("没有可复制的规则版本。");
        }
        Audit.target("信用等级规则版本", to);
        redirect.addFlashAttribute("message", "已复制 " + n + " 条规则，自 " + to + " 起施行；请修改后再生效。");
        return "redirect:/credit/rules";
    }

    private static boolean nonPositive(Integer n) {
        return n != null && n <= 0;
    }
}
