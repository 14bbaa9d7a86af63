package cn.zhifa.publicity.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.publicity.Channel;
import cn.zhifa.publicity.ExchangeFile;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case unit's publication list (publish, withdraw), the publicity rate and the 双公示 export page. */
@Controller
@Allowed(Action.READ_BUSINESS)
class PublicityPages {

    private static final List<Channel> OPTIONAL_CHANNELS = List.of(Channel.CREDIT_CHINA, Channel.ENTERPRISE_CREDIT,
            Channel.SUPERVISION_PLATFORM);

    private final PublicityManagement publicity;
    private final Clock clock;

    private final cn.zhifa.organization.OrganizationManagement organizations;

    PublicityPages(PublicityManagement publicity, Clock clock, cn.zhifa.organization.OrganizationManagement organizations) {
        this.publicity = publicity;
        this.clock = clock;
        this.organizations = organizations;
    }

    /** What the statistics count, as the list's 统计口径 filter offers it. */
    static final Map<String, String> COUNTED = Map.of("due", "应公示", "published", "已公示", "on-time", "按时公示");

    @GetMapping("/publicity")
    String list(@RequestParam(required = false) String filter, @RequestParam(required = false) String year,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) String counted, Model model) {
        Integer dueIn = null;
        if (year != null && !year.isBlank()) {
            try {
                dueIn = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                dueIn = -1;
            }
            if (dueIn < 2000 || dueIn > LocalDate.now(clock).getYear() + 1) {
                model.addAttribute("yearError", "公示年度应为 2000 年至" + (LocalDate.now(clock).getYear() + 1) + " 年之间的四位年份。");
                dueIn = null;
            }
        }
        String countedAs = counted != null && COUNTED.containsKey(counted) ? counted : null;
        var shown = publicity.publications(filter, dueIn, unit, countedAs);
        model.addAttribute("year", dueIn);
        model.addAttribute("unit", unit);
        model.addAttribute("counted", countedAs);
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("publications", shown);
        model.addAttribute("typical", publicity.typicalAmong(shown.stream().map(p -> p.id()).toList()));
        model.addAttribute("filter", filter == null ? "" : filter);
        model.addAttribute("channels", OPTIONAL_CHANNELS);
        model.addAttribute("leader", Actors.current().map(a -> a.has(Role.LEADER)).orElse(false));
        model.addAttribute("period", publicity.publicationPeriod());
        model.addAttribute("today", LocalDate.now(clock));
        return "publicity/list";
    }

    @Allowed(Action.PUBLISH_PENALTIES)
    @PostMapping("/publicity/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) List<Channel> channels, RedirectAttributes redirect) {
        Audit.target("处罚决定公示", id);
        try {
            var done = publicity.publish(id, channels == null ? Set.of() : EnumSet.copyOf(channels));
            redirect.addFlashAttribute("message", "已公示处罚决定 " + done.decisionNumber() + (done.late() ? "（已超过公示期限）" : "") + "。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/publicity";
    }

    @Allowed(Action.PUBLISH_PENALTIES)
    @PostMapping("/publicity/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate changedOn,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Audit.target("处罚决定公示", id);
        try {
            var done = publicity.withdraw(id, changedOn, reason);
            redirect.addFlashAttribute("message", "已撤回处罚决定 " + done.decisionNumber() + " 的公示" + (done.withdrawnLate()
                    ? "（超过撤回期限" + done.withdrawalDueOn() + "）" : "") + "。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/publicity?filter=withdrawn";
    }

    @Allowed(Action.PUBLISH_PENALTIES)
    @PostMapping("/publicity/{id}/typical")
    String approveTypical(@PathVariable long id, @RequestParam(required = false) String lesson, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        Audit.target("典型案例", id);
        try {
            var done = publicity.approveTypicalCase(id, lesson);
            redirect.addFlashAttribute("message", "已将处罚决定 " + done.decisionNumber() + " 作为典型案例公开。");
            return "redirect:/publicity?filter=published";
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("lessonFor", id);
            model.addAttribute("lessonDraft", lesson);
            return list("published", null, null, null, model);
        }
    }

    @Allowed(Action.PUBLISH_PENALTIES)
    @PostMapping("/publicity/{id}/typical/remove")
    String removeTypical(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Audit.target("典型案例", id);
        try {
            publicity.removeTypicalCase(id);
            redirect.addFlashAttribute("message", "已取消该典型案例的公开。");
            return "redirect:/publicity?filter=published";
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", refused.getMessage());
            return list("published", null, null, null, model);
        }
    }

    @GetMapping("/publicity/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("statistics", publicity.statistics(y));
        model.addAttribute("year", y);
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "publicity/statistics";
    }

    @Allowed(Action.EXPORT_PUBLICITY)
    @GetMapping("/publicity/exchange")
    String exchange(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("from", today.withDayOfMonth(1).minusMonths(1));
        model.addAttribute("to", today);
        model.addAttribute("format", "xlsx");
        model.addAttribute("channel", Channel.CREDIT_CHINA);
        return "publicity/exchange";
    }

    /** The file when it passes validation; otherwise the export page again with every problem listed. */
    @Allowed(Action.EXPORT_PUBLICITY)
    @GetMapping("/publicity/exchange/file")
    ModelAndView exchangeFile(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(defaultValue = "xlsx") String format,
                              @RequestParam(defaultValue = "CREDIT_CHINA") Channel channel,
                              HttpServletResponse response) throws IOException {
        try {
            ExchangeFile file = publicity.exchange(from, to, format, channel);
            Audit.target("双公示交换文件", file.fileName());
            response.setContentType(file.contentType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setContentLength(file.content().length);
            response.getOutputStream().write(file.content());
            response.flushBuffer();
            return null;
        } catch (RuleViolation refused) {
            ModelAndView page = new ModelAndView("publicity/exchange");
            page.addObject("refusal", refused.getMessage());
            page.addObject("from", from);
            page.addObject("to", to);
            page.addObject("format", format);
            page.addObject("channel", channel);
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
    }
}
