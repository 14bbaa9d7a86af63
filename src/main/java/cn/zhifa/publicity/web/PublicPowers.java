package cn.zhifa.publicity.web;

import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.publicity.internal.Power;
import cn.zhifa.publicity.internal.PowerKind;
import cn.zhifa.publicity.internal.PowerList;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The 权责清单 on the public portal and its API (no login): the current year's list unless a year is asked for. */
@Controller
class PublicPowers {

    private final PowerList powers;
    private final PublicityManagement publicity;
    private final Clock clock;

    PublicPowers(PowerList powers, PublicityManagement publicity, Clock clock) {
        this.powers = powers;
        this.publicity = publicity;
        this.clock = clock;
    }

    /** One power as the public reads it. */
    record PublicPower(String kind, String name, String legalBasis, String body, String level, int year) {
        static PublicPower of(Power p) {
            return new PublicPower(p.kind().label(), p.name(), p.legalBasis(), p.body(), p.level(), p.year());
        }
    }

    @GetMapping("/public/powers")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        int y = year(year);
        PowerKind k = kind(kind);
        model.addAttribute("page", powers.page(y, k, q, Page.number(page), 20).map(PublicPower::of));
        model.addAttribute("year", y);
        model.addAttribute("years", powers.years());
        model.addAttribute("counts", powers.counts(y));
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-powers";
    }

    @GetMapping("/api/v1/public/powers")
    @ResponseBody
    ResponseEntity<PublicPortal.PageBody<PublicPower>> api(@RequestParam(required = false) Integer year,
                                                           @RequestParam(required = false) String kind,
                                                           @RequestParam(required = false) String q,
                                                           @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer size) {
        Page<PublicPower> result = powers.page(year(year), kind(kind), q, Page.number(page), Page.size(size)).map(PublicPower::of);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(PublicPortal.PageBody.of(result));
    }

    private int year(Integer asked) {
        return asked == null ? powers.publicYear(LocalDate.now(clock).getYear()) : asked;
    }

    /** A kind by its code (PENALTY …) or its Chinese name (行政处罚 …); blank: all. */
    private static PowerKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return Arrays.stream(PowerKind.values()).filter(k -> k.name().equalsIgnoreCase(kind.strip()) || k.label().equals(kind.strip()))
                .findFirst().orElseThrow(() -> new RuleViolation("权力类别只能是：行政处罚、行政检查、行政强制、行政奖励、其他行政权力。"));
    }
}
