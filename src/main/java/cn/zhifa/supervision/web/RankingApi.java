package cn.zhifa.supervision.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.ranking.Indicator;
import cn.zhifa.supervision.ranking.Rankings;
import cn.zhifa.supervision.ranking.Scoring;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 效能考评 over the API: the quarter's ranking and the indicator scheme. */
@RestController
@Allowed(Action.READ_SUPERVISION)
class RankingApi {

    /** One ranked unit: its group (执法大队 or 乡镇（街道）), score, rank, 流动红旗, and each indicator's value and points. */
    record RankingItem(long organizationId, String name, String group, BigDecimal score, int rank, boolean redFlag,
                       List<Scoring.IndicatorScore> indicators) {
    }

    private final Rankings rankings;

    RankingApi(Rankings rankings) {
        this.rankings = rankings;
    }

    @GetMapping("/api/v1/supervision/rankings")
    @Operation(summary = "季度效能考评排名（执法大队、乡镇分别排名），period 如 2026Q3，默认本季度")
    Page<RankingItem> ranking(@RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Rankings.Quarter quarter = period == null || period.isBlank() ? rankings.current() : Rankings.Quarter.parse(period);
        List<RankingItem> items = new ArrayList<>();
        for (Rankings.Group group : rankings.ranking(quarter).groups()) {
            for (Scoring.RankedUnit u : group.ranking().units()) {
                items.add(new RankingItem(u.organizationId(), u.name(), group.name(), u.score(), u.rank(), u.redFlag(), u.indicators()));
            }
        }
        return Page.of(items, page, size);
    }

    @GetMapping("/api/v1/supervision/rankings/indicators")
    @Operation(summary = "效能考评指标")
    @Allowed(Action.EDIT_RANKING_INDICATORS)
    Page<Indicator> indicators(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(rankings.indicators(), page, size);
    }

    @PutMapping("/api/v1/supervision/rankings/indicators/{id}")
    @Operation(summary = "修改效能考评指标")
    @Allowed(Action.EDIT_RANKING_INDICATORS)
    Indicator edit(@PathVariable long id, @Valid @RequestBody Rankings.EditIndicator command) {
        rankings.edit(id, command);
        return rankings.indicators().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }
}
