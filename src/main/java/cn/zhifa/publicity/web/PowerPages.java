package cn.zhifa.publicity.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.publicity.internal.Power;
import cn.zhifa.publicity.internal.PowerForm;
import cn.zhifa.publicity.internal.PowerKind;
import cn.zhifa.publicity.internal.PowerList;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN keeps the 权责清单 of each year: add, correct, remove a power, start next year's list as a copy. */
@Controller
@Allowed(Action.EDIT_POWER_LIST)
class PowerPages {

    private final PowerList powers;
    private final Clock clock;

    PowerPages(PowerList powers, Clock clock) {
        this.powers = powers;
        this.clock = clock;
    }

    @GetMapping("/publicity/powers")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int y = year == null ? powers.publicYear(thisYear) : year;
        Page<Power> result = powers.page(y, null, null, Page.number(page), 50);
        model.addAttribute("page", result);
        model.addAttribute("year", y);
        model.addAttribute("years", powers.years());
        model.addAttribute("counts", powers.counts(y));
        model.addAttribute("kinds", PowerKind.values());
        model.addAttribute("nextYear", y + 1);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PowerForm(y, PowerKind.PENALTY, "", "", "", "", null));
        }
        return "publicity/powers";
    }

    @PostMapping("/publicity/powers")
    @Allowed(Action.EDIT_POWER_LIST)
    @AuditAction("新增权责清单事项")
    String add(@RequestParam(required = false) Integer year, @RequestParam(required = false) PowerKind kind,
               @RequestParam(required = false) String name, @RequestParam(required = false) String legalBasis,
               @RequestParam(required = false) String body, @RequestParam(required = false) String level,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PowerForm form = new PowerForm(year, kind, name, legalBasis, body, level, null);
        try {
            long id = powers.add(form);
            Audit.target("权责清单事项", id);
            redirect.addFlashAttribute("message", "已在" + year + "年度权责清单中新增“" + name.strip() + "”。");
            return "redirect:/publicity/powers?year=" + year;
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("form", form);
            return list(year == null || year < PowerForm.EARLIEST_YEAR ? null : year, null, model);
        }
    }

    @GetMapping("/publicity/powers/{id}")
    String edit(@PathVariable long id, Model model) {
        Power power = powers.find(id).orElseThrow(() -> RuleViolation.notFound("权责清单中没有该事项。"));
        model.addAttribute("power", power);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PowerForm.of(power));
        }
        model.addAttribute("kinds", PowerKind.values());
        return "publicity/power";
    }

    @PostMapping("/publicity/powers/{id}")
    @Allowed(Action.EDIT_POWER_LIST)
    @AuditAction("修改权责清单事项")
    String update(@PathVariable long id, @RequestParam(required = false) PowerKind kind,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String legalBasis,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String level,
                  @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Audit.target("权责清单事项", id);
        PowerForm form = new PowerForm(null, kind, name, legalBasis, body, level, version);
        try {
            powers.update(id, form);
            Power saved = powers.find(id).orElseThrow();
            redirect.addFlashAttribute("message", "已修改“" + saved.name() + "”。");
            return "redirect:/publicity/powers?year=" + saved.year();
        } catch (RuleViolation refused) {
            if (refused.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind() == RuleViolation.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("form", form);
            return edit(id, model);
        }
    }

    @PostMapping("/publicity/powers/{id}/delete")
    @Allowed(Action.EDIT_POWER_LIST)
    @AuditAction("删除权责清单事项")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Audit.target("权责清单事项", id);
        Power removed = powers.delete(id);
        redirect.addFlashAttribute("message", "已从" + removed.year() + "年度权责清单中删除“" + removed.name() + "”。");
        return "redirect:/publicity/powers?year=" + removed.year();
    }

    @PostMapping("/publicity/powers/copy")
    @Allowed(Action.EDIT_POWER_LIST)
    @AuditAction("复制权责清单年度版本")
    String copy(@RequestParam int from, @RequestParam(required = false) Integer to, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            if (to == null) {
                throw new RuleViolation("请填写新清单年度。");
            }
            int n = powers.copy(from, to);
            Audit.target("权责清单年度版本", to);
            redirect.addFlashAttribute("message", "已将" + from + "年度的 " + n + " 项权力复制为" + to + "年度权责清单，请按本年度调整情况修改。");
            return "redirect:/publicity/powers?year=" + to;
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            return list(from, null, model);
        }
    }
}
