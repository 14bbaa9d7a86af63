package cn.zhifa.publicity.web;

import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.publicity.internal.RandomCheckResults;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 双随机 一公开 on the portal (no login): a month's drawn firms with their results (by default the latest month drawn). */
@Controller
class PublicRandomChecks {

    private final RandomCheckResults results;
    private final PublicityManagement publicity;
    private final Clock clock;

    PublicRandomChecks(RandomCheckResults results, PublicityManagement publicity, Clock clock) {
        this.results = results;
        this.publicity = publicity;
        this.clock = clock;
    }

    @GetMapping("/public/double-random")
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) Integer page, Model model) {
        YearMonth m = month(month);
        model.addAttribute("page", results.month(m, Page.number(page), 50));
        model.addAttribute("month", m.toString());
        model.addAttribute("months", results.months());
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-double-random";
    }

    @GetMapping("/api/v1/public/double-random")
    @ResponseBody
    ResponseEntity<PublicPortal.PageBody<RandomCheckResults.RandomCheck>> api(@RequestParam(required = false) String month,
                                                                              @RequestParam(required = false) Integer page,
                                                                              @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(PublicPortal.PageBody.of(results.month(month(month), Page.number(page), Page.size(size))));
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            YearMonth now = YearMonth.now(clock);
            return results.months().stream().map(YearMonth::parse).filter(m -> !m.isAfter(now)).findFirst().orElse(now);
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("月份格式应为 YYYY-MM，例如 2026-03。");
        }
    }
}
