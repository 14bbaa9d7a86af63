package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.supervision.ranking.Indicator;
import cn.zhifa.supervision.ranking.RankingFigure;
import cn.zhifa.supervision.ranking.Rankings;
import cn.zhifa.supervision.ranking.Scoring;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 效能考评: the quarter's ranking with its chart, 流动红旗 and 红黑榜, and the indicator scheme. */
@Controller
@Allowed(Action.READ_SUPERVISION)
class RankingPages {

    private final Rankings rankings;

    RankingPages(Rankings rankings) {
        this.rankings = rankings;
    }

    @GetMapping("/supervision/rankings")
    String ranking(@RequestParam(required = false) String period, Model model) {
        Rankings.Quarter current = rankings.current();
        Rankings.Quarter quarter = current;
        if (period != null && !period.isBlank()) {
            try {
                quarter = Rankings.Quarter.parse(period);
            } catch (RuleViolation refused) {
                model.addAttribute("refusal", refused.getMessage());
            }
        }
        Rankings.QuarterRanking ranking;
        try {
            ranking = rankings.ranking(quarter);
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            quarter = current;
            ranking = rankings.ranking(quarter);
        }
        List<Rankings.Quarter> quarters = new ArrayList<>();
        for (Rankings.Quarter q = current; quarters.size() < 8; q = q.previous()) {
            quarters.add(q);
        }
        model.addAttribute("ranking", ranking);
        model.addAttribute("quarter", quarter);
        model.addAttribute("quarters", quarters);
        model.addAttribute("charts", ranking.groups().stream().map(g -> new Chart(
                g.ranking().units().stream().map(Scoring.RankedUnit::name).collect(Collectors.joining("|")),
                g.ranking().units().stream().map(u -> u.score().toPlainString()).collect(Collectors.joining(",")))).toList());
        return "supervision/ranking";
    }

    /** A group's bar chart data: names separated by {@code |}, scores by commas. */
    record Chart(String names, String scores) {
    }

    @GetMapping("/supervision/rankings/indicators")
    @Allowed(Action.EDIT_RANKING_INDICATORS)
    String indicators(Model model) {
        model.addAttribute("indicators", rankings.indicators());
        model.addAttribute("directions", Indicator.Direction.values());
        model.addAttribute("periods", Indicator.Period.values());
        model.addAttribute("total", rankings.indicators().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "supervision/ranking-indicators";
    }

    @PostMapping("/supervision/rankings/indicators/{id}")
    @Allowed(Action.EDIT_RANKING_INDICATORS)
    String edit(@PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(required = false) BigDecimal weight, @RequestParam(required = false) Indicator.Direction direction,
                @RequestParam(required = false) Indicator.Period period, @RequestParam int version, RedirectAttributes redirect) {
        String missing = name == null || name.isBlank() ? "请填写指标名称。" : name.strip().length() > 100 ? "指标名称不超过100字。"
                : weight == null || weight.signum() <= 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0 ? "权重应大于0、不超过100分。"
                : direction == null ? "请选择方向。" : period == null ? "请选择统计期间。" : null;
        if (missing != null) {
            redirect.addFlashAttribute("refusal", missing);
            return "redirect:/supervision/rankings/indicators";
        }
        try {
            rankings.edit(id, new Rankings.EditIndicator(name, weight, direction, period, version));
            redirect.addFlashAttribute("message", "考评指标已保存。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("refusal", "该指标已被他人修改，请核对后重新保存。");
        }
        return "redirect:/supervision/rankings/indicators";
    }
}
