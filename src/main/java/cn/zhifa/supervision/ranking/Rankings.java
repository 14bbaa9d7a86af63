package cn.zhifa.supervision.ranking;

import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.publicity.PublicityStatistics;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.supervision.ChannelStatistics;
import cn.zhifa.supervision.SupervisionManagement;
import cn.zhifa.supervision.fault.EnforcementFaults;
import cn.zhifa.supervision.internal.Complaints;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 效能考评: the indicator scheme (table {@code ranking_indicator}) and the quarterly ranking of the brigades and,
 * separately, the townships of the caller's scope. Every figure is a unit's own with its subunits', read from the
 * owning modules' statistics APIs (reporting's 统计报表, hazards, cases, publicity, registry, complaints).
 */
@Service
public class Rankings {

    /** A quarter such as {@code 2026Q3}. */
    public record Quarter(int year, int quarter) {

        private static final Pattern CODE = Pattern.compile("(\\d{4})-?Q([1-4])");

        public static Quarter parse(String code) {
            Matcher m = CODE.matcher(code == null ? "" : code.strip().toUpperCase());
            if (!m.matches()) {
                throw new RuleViolation("考评期间应为季度，如 2026Q3。");
            }
            return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        public static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), (day.getMonthValue() + 2) / 3);
        }

        public LocalDate from() {
            return YearMonth.of(year, quarter * 3 - 2).atDay(1);
        }

        public LocalDate to() {
            return YearMonth.of(year, quarter * 3).atEndOfMonth();
        }

        public String code() {
            return year + "Q" + quarter;
        }

        public String label() {
            return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
        }

        public Quarter previous() {
            return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
        }
    }

    /** The ranking of one group of units. */
    public record Group(String name, Scoring.GroupRanking ranking) {
    }

    public record QuarterRanking(Quarter quarter, List<Indicator> indicators, List<Group> groups, int redFlags) {
    }

    @Schema(description = "修改考评指标：名称、权重（分）、方向（HIGHER 越高越好，LOWER 扣分项）、期间（QUARTER 季度，YEAR 年度累计）")
    public record EditIndicator(@NotBlank(message = "请填写指标名称") @Size(max = 100, message = "指标名称不超过100字") String name,
                                @NotNull(message = "请填写权重") @DecimalMin(value = "0.1", message = "权重应大于0")
                                @DecimalMax(value = "100", message = "权重不超过100分") BigDecimal weight,
                                @NotNull(message = "请选择方向") Indicator.Direction direction,
                                @NotNull(message = "请选择统计期间") Indicator.Period period,
                                @NotNull(message = "缺少版本号") Integer version) {
    }

    private final JdbcClient jdbc;
    private final OrganizationManagement organizations;
    private final ReportingManagement reporting;
    private final HazardManagement hazards;
    private final CaseStatistics cases;
    private final PublicityManagement publicity;
    private final OfficerManagement officers;
    private final Complaints complaints;
    private final SupervisionManagement supervision;
    private final RankingRules rules;
    private final EnforcementFaults faults;

    Rankings(JdbcClient jdbc, OrganizationManagement organizations, ReportingManagement reporting, HazardManagement hazards,
             CaseStatistics cases, PublicityManagement publicity, OfficerManagement officers, Complaints complaints,
             SupervisionManagement supervision, RankingRules rules, EnforcementFaults faults) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.reporting = reporting;
        this.hazards = hazards;
        this.cases = cases;
        this.publicity = publicity;
        this.officers = officers;
        this.complaints = complaints;
        this.supervision = supervision;
        this.rules = rules;
        this.faults = faults;
    }

    public Quarter current() {
        return Quarter.of(supervision.today());
    }

    @Transactional(readOnly = true)
    public List<Indicator> indicators() {
        return jdbc.sql("SELECT * FROM ranking_indicator ORDER BY position, id").query((rs, n) -> new Indicator(rs.getLong("id"),
                rs.getString("name"), RankingFigure.valueOf(rs.getString("figure")), rs.getBigDecimal("weight"),
                Indicator.Direction.valueOf(rs.getString("direction")), Indicator.Period.valueOf(rs.getString("period")),
                rs.getInt("position"), rs.getInt("version"))).list();
    }

    /** Changes an indicator; a figure kept only per year cannot be scored per quarter. */
    @Transactional
    public void edit(long id, EditIndicator command) {
        Indicator indicator = indicators().stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("没有这个考评指标。"));
        if (indicator.figure().yearOnly() && command.period() == Indicator.Period.QUARTER) {
            throw new RuleViolation("“" + indicator.figure().label() + "”只按年度统计，期间请选年度累计。");
        }
        int updated = jdbc.sql("UPDATE ranking_indicator SET name = :name, weight = :weight, direction = :direction, "
                        + "period = :period, version = version + 1 WHERE id = :id AND version = :version")
                .param("name", command.name().strip()).param("weight", command.weight().setScale(1, RoundingMode.HALF_UP))
                .param("direction", command.direction().name()).param("period", command.period().name()).param("id", id)
                .param("version", command.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("ranking_indicator " + id);
        }
    }

    /**
     * The quarter's ranking of the brigades (执法大队) and of the townships (乡镇、街道) in the caller's scope. Not in a
     * read-only transaction of its own: the 逾期 figure counts the overdue cases, whose read model may first recompute the
     * deadlines users just changed in a transaction of its own, and beside a held one that needs a second connection of
     * the pool (as {@code SupervisionManagement.overview}); each module's figures are read in theirs.
     */
    public QuarterRanking ranking(Quarter quarter) {
        if (quarter.from().isAfter(supervision.today())) {
            throw new RuleViolation("该季度尚未开始，不能考评。");
        }
        List<Indicator> indicators = indicators();
        List<OrganizationView> tree = organizations.visibleTree();
        Map<Long, OrganizationView> byId = new HashMap<>();
        tree.forEach(u -> byId.put(u.id(), u));
        List<OrganizationView> brigades = tree.stream().filter(u -> u.kind() == OrganizationKind.DETACHMENT
                && (u.parentId() == null || byId.containsKey(u.parentId()) && byId.get(u.parentId()).kind() == OrganizationKind.DISTRICT))
                .toList();
        List<OrganizationView> townships = tree.stream().filter(u -> u.kind() == OrganizationKind.TOWNSHIP).toList();
        Figures figures = new Figures(quarter, indicators, tree);
        List<Group> groups = new ArrayList<>();
        if (!brigades.isEmpty()) {
            groups.add(new Group("执法大队", Scoring.rank(indicators, figures.of(brigades), rules.redFlags(), rules.listSize())));
        }
        if (!townships.isEmpty()) {
            groups.add(new Group("乡镇（街道）", Scoring.rank(indicators, figures.of(townships), rules.redFlags(), rules.listSize())));
        }
        return new QuarterRanking(quarter, indicators, groups, rules.redFlags());
    }

    /**
     * Collects the figures the scheme needs: each module is asked once per figure and period for every unit's own figure
     * (a map keyed by unit), and a unit's value sums its subtree, so the ranking costs a handful of queries however many
     * units it ranks.
     */
    private final class Figures {

        private final Quarter quarter;
        private final List<Indicator> indicators;
        private final List<Long> visible;
        private final LocalDate on;
        private final Map<Long, List<Long>> subtrees = new HashMap<>();
        private final Map<LocalDate, Map<Long, Long>> visits = new HashMap<>();
        private final Map<LocalDate, Map<Long, HazardManagement.PeriodFigures>> hazardFigures = new HashMap<>();
        private final Map<LocalDate, Map<Long, CaseStatistics.PeriodFigures>> caseFigures = new HashMap<>();
        private final Map<LocalDate, Map<Long, Long>> faultsFrom = new HashMap<>();
        private Map<Long, List<Long>> certifiedUsers;
        private Set<Long> participating;
        private Map<Long, Long> overdue;
        private PublicityStatistics publicityYear;
        private List<Complaints.Counted> complaintsYear;

        Figures(Quarter quarter, List<Indicator> indicators, List<OrganizationView> tree) {
            this.quarter = quarter;
            this.indicators = indicators;
            this.visible = tree.stream().map(OrganizationView::id).toList();
            this.on = quarter.to().isAfter(supervision.today()) ? supervision.today() : quarter.to();
        }

        List<Scoring.UnitValues> of(List<OrganizationView> units) {
            List<Scoring.UnitValues> rows = new ArrayList<>();
            for (OrganizationView unit : units) {
                List<Long> subtree = subtrees.computeIfAbsent(unit.id(), organizations::subtreeIds);
                Map<Long, BigDecimal> values = new LinkedHashMap<>();
                for (Indicator indicator : indicators) {
                    LocalDate from = indicator.period() == Indicator.Period.QUARTER ? quarter.from() : LocalDate.of(quarter.year(), 1, 1);
                    values.put(indicator.id(), value(indicator.figure(), unit, subtree, from, quarter.to()));
                }
                rows.add(new Scoring.UnitValues(unit.id(), unit.name(), values));
            }
            return rows;
        }

        private BigDecimal value(RankingFigure figure, OrganizationView unit, List<Long> subtree, LocalDate from, LocalDate to) {
            int year = quarter.year();
            return switch (figure) {
                case VISITS_PER_OFFICER -> {
                    Map<Long, Long> perUnit = visits.computeIfAbsent(from, f -> reporting.visitsPerUnit(f, to, visible));
                    long visitCount = sum(subtree, id -> perUnit.getOrDefault(id, 0L));
                    long certified = sum(subtree, id -> certifiedUsers().getOrDefault(id, List.of()).size());
                    yield certified == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(visitCount).divide(BigDecimal.valueOf(certified), 2, RoundingMode.HALF_UP);
                }
                case RECTIFICATION_RATE -> {
                    Map<Long, HazardManagement.PeriodFigures> perUnit = hazardFigures.computeIfAbsent(from,
                            f -> hazards.periodFiguresPerUnit(f, to, visible));
                    long found = 0, closed = 0;
                    for (Long id : subtree) {
                        HazardManagement.PeriodFigures h = perUnit.get(id);
                        if (h != null) {
                            found += h.found();
                            closed += h.closed();
                        }
                    }
                    yield percent(Math.min(closed, found), found);
                }
                case CASES_FILED -> {
                    Map<Long, CaseStatistics.PeriodFigures> perUnit = caseFigures.computeIfAbsent(from,
                            f -> cases.periodFiguresPerUnit(f, to, visible));
                    yield BigDecimal.valueOf(sum(subtree, id -> {
                        CaseStatistics.PeriodFigures c = perUnit.get(id);
                        return c == null ? 0 : c.filedEnforcement() + c.filedAccident();
                    }));
                }
                case CASES_DECIDED -> {
                    Map<Long, CaseStatistics.PeriodFigures> perUnit = caseFigures.computeIfAbsent(from,
                            f -> cases.periodFiguresPerUnit(f, to, visible));
                    yield BigDecimal.valueOf(sum(subtree, id -> {
                        CaseStatistics.PeriodFigures c = perUnit.get(id);
                        return c == null ? 0 : c.decidedEnforcement() + c.decidedAccident();
                    }));
                }
                case PUBLICITY_RATE -> {
                    if (publicityYear == null) {
                        publicityYear = publicity.statistics(year);
                    }
                    long due = 0, onTime = 0;
                    for (PublicityStatistics.UnitRate rate : publicityYear.units()) {
                        if (subtree.contains(rate.organizationId())) {
                            due += rate.due();
                            onTime += rate.publishedOnTime();
                        }
                    }
                    yield PublicityStatistics.rate(onTime, due);
                }
                case COMPLAINTS_ON_TIME -> {
                    if (complaintsYear == null) {
                        complaintsYear = complaints.counted(visible, year);
                    }
                    Set<Long> units = new HashSet<>(subtree);
                    long closed = 0, onTime = 0;
                    for (Complaints.Counted c : complaintsYear) {
                        if (c.in(units)) {
                            closed += c.closed() ? 1 : 0;
                            onTime += c.closedOnTime() ? 1 : 0;
                        }
                    }
                    yield percent(onTime, closed);
                }
                case PARTICIPATION_RATE -> {
                    Set<Long> users = new HashSet<>();
                    subtree.forEach(id -> users.addAll(certifiedUsers().getOrDefault(id, List.of())));
                    if (participating == null) {
                        Set<Long> all = new HashSet<>();
                        certifiedUsers().values().forEach(all::addAll);
                        participating = officers.participating(year, all);
                    }
                    long active = users.stream().filter(participating::contains).count();
                    yield users.isEmpty() ? BigDecimal.ZERO
                            : BigDecimal.valueOf(active * 100).divide(BigDecimal.valueOf(users.size()), 1, RoundingMode.HALF_UP);
                }
                case OVERDUE -> {
                    if (overdue == null) {
                        overdue = supervision.overduePerUnit();
                    }
                    yield BigDecimal.valueOf(overdue.getOrDefault(unit.id(), 0L));
                }
                case FAULTS -> {
                    Map<Long, Long> perUnit = faultsFrom.computeIfAbsent(from, f -> faults.countsPerUnit(visible, f, to));
                    yield BigDecimal.valueOf(sum(subtree, id -> perUnit.getOrDefault(id, 0L)));
                }
            };
        }

        private Map<Long, List<Long>> certifiedUsers() {
            if (certifiedUsers == null) {
                certifiedUsers = officers.certifiedUsersPerUnit(visible, on);
            }
            return certifiedUsers;
        }

        private static long sum(List<Long> subtree, java.util.function.ToLongFunction<Long> perUnit) {
            return subtree.stream().mapToLong(perUnit).sum();
        }
    }

    /** {@code part ÷ whole} in percent with one decimal; 100 when there was nothing to do. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? new BigDecimal("100.0")
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
