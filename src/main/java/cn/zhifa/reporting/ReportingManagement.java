package cn.zhifa.reporting;

import cn.zhifa.casework.CaseFactsReported;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.publicity.PublicityStatistics;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerStatistics;
import cn.zhifa.reporting.internal.CaseFactReadModel;
import cn.zhifa.reporting.internal.CaseReadModel;
import cn.zhifa.reporting.internal.DocumentReadModel;
import cn.zhifa.reporting.internal.HazardReadModel;
import cn.zhifa.reporting.internal.PublicityReadModel;
import cn.zhifa.reporting.internal.StatisticsReads;
import cn.zhifa.reporting.internal.VisitReadModel;
import cn.zhifa.shared.security.Actors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The annual figures of a scope: visits, hazards, cases filed/decided/fined by kind and the other case figures, documents
 * issued and publicity from reporting's own read models (maintained from the owning modules' events, rebuilt from their replays); the remaining
 * case, officer and hazard figures from the owners' statistics APIs over exactly the units of the scope; supervision's
 * figures from {@link FigureSource}s. Every call checks the unit against the caller's data scope.
 */
@Service
public class ReportingManagement {

    public static final int FIRST_YEAR = 2000;

    private final VisitReadModel visits;
    private final cn.zhifa.inspection.InspectionManagement inspections;
    private final OfficerManagement officers;
    private final HazardManagement hazards;
    private final CaseStatistics cases;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final List<FigureSource> sources;
    private final Clock clock;
    private final cn.zhifa.planning.PlanManagement plans;
    private final HazardReadModel hazardModel;
    private final CaseReadModel caseModel;
    private final DocumentReadModel documentModel;
    private final PublicityReadModel publicityModel;
    private final cn.zhifa.planning.DrawManagement draws;
    private final cn.zhifa.credit.CreditManagement credit;
    private final CaseFactReadModel factModel;
    private final StatisticsReads reads;

    ReportingManagement(VisitReadModel visits, cn.zhifa.inspection.InspectionManagement inspections, OfficerManagement officers, HazardManagement hazards, CaseStatistics cases,
                        OrganizationManagement organizations,
                        DataScope scope, List<FigureSource> sources, Clock clock, cn.zhifa.planning.PlanManagement plans,
                        HazardReadModel hazardModel, CaseReadModel caseModel, DocumentReadModel documentModel,
                        PublicityReadModel publicityModel, cn.zhifa.planning.DrawManagement draws,
                        cn.zhifa.credit.CreditManagement credit, CaseFactReadModel factModel, StatisticsReads reads) {
        this.reads = reads;
        this.factModel = factModel;
        this.draws = draws;
        this.credit = credit;
        this.publicityModel = publicityModel;
        this.documentModel = documentModel;
        this.plans = plans;
        this.hazardModel = hazardModel;
        this.caseModel = caseModel;
        this.visits = visits;
        this.inspections = inspections;
        this.officers = officers;
        this.hazards = hazards;
        this.cases = cases;
        this.organizations = organizations;
        this.scope = scope;
        this.sources = sources;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    /**
     * When the statistics are read from a read replica: the time (Beijing time) the figures are as of, which trails the
     * primary by the replica's lag; empty without a replica (the figures are the primary's, current).
     */
    public Optional<java.time.LocalDateTime> figuresAsOf() {
        return reads.figuresAsOf().map(asOf -> java.time.LocalDateTime.ofInstant(asOf, ZoneId.of("Asia/Shanghai")));
    }

    /** Refuses a year outside 2000 … next year with a message the user can read. */
    public int checkedYear(Integer year) {
        int chosen = year == null ? today().getYear() : year;
        if (chosen < FIRST_YEAR || chosen > today().getYear() + 1) {
            throw new IllegalArgumentException("统计年度应在" + FIRST_YEAR + "年至" + (today().getYear() + 1) + "年之间。");
        }
        return chosen;
    }

    /** The unit the figures are for: the given one (checked against the caller's scope) or the caller's own. */
    public OrganizationView unit(Long organizationId) {
        long id = organizationId == null ? Actors.require().organizationId() : organizationId;
        scope.require(id);
        return organizations.find(id).orElseThrow(() -> new IllegalArgumentException("单位不存在。"));
    }

    /** The units directly below {@code unit} in the caller's scope (a dashboard's per-unit rows). */
    public List<OrganizationView> childrenOf(OrganizationView unit) {
        return organizations.visibleTree().stream().filter(o -> Long.valueOf(unit.id()).equals(o.parentId())).toList();
    }

    @Transactional(readOnly = true)
    public AnnualFigures annual(int year, Long organizationId) {
        OrganizationView unit = unit(organizationId);
        List<Long> orgs = scope.subtreeIds(unit.id());
        AnnualFigures now = figures(year, orgs, unit);
        MainFigures before = main(year - 1, orgs, true);
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        change.put("officersCertified", change(now.officersCertified(), before.officersCertified()));
        change.put("firmsInspected", change(now.firmsInspected(), before.firms()));
        change.put("inspectionVisits", change(now.inspectionVisits(), before.visits()));
        change.put("officerVisits", change(now.officerVisits(), before.officerVisits()));
        change.put("hazardsFound", change(now.hazardsFound(), before.hazards()));
        change.put("majorHazardsFound", change(now.majorHazardsFound(), before.major()));
        change.put("casesFiled", change(now.casesFiled(), before.filed()));
        change.put("casesDecided", change(now.casesDecided(), before.decided()));
        change.put("finesYuan", change(now.finesYuan(), before.fines()));
        change.put("legalReviews", change(now.legalReviews(), before.legalReviews()));
        change.put("documentsIssued", change(now.documentsIssued(), before.documents()));
        change.put("published", change(now.published(), before.published()));
        change.put("firmsDrawn", change(now.randomChecks().firmsDrawn(), before.firmsDrawn()));
        return new AnnualFigures(now.year(), unit.id(), unit.name(), now.officersCertified(), now.officersNew(),
                now.certificatesRevoked(), now.participationRate(), now.firmsInspected(), now.inspectionVisits(),
                now.visitsByKind(), now.firmsByKind(), now.visitsByMode(), now.officerVisits(), now.hazardsFound(),
                now.majorHazardsFound(), now.hazardsRectified(), now.majorHazardsRectified(), now.rectificationRate(),
                now.hazardsSupervised(), now.hazardsExposed(), now.hazardsSelfReported(), now.casesFiled(),
                now.casesFiledByKind(), now.casesDecided(), now.decidedByKind(), now.finesYuan(), now.finesByKind(),
                now.individualsFined(), now.finesOnIndividualsYuan(), now.summaryPenalties(), now.dualPenaltyShare(),
                now.notPunished(), now.legalReviews(), now.meetings(), now.casesDiscussed(), now.hearings(),
                now.coerciveMeasures(), now.transfers(), now.criminalTransfers(), now.documentsIssued(),
                now.documentsByKind(), now.publicityDue(), now.published(), now.publishedOnTime(), now.publicityRate(),
                now.complaintsByChannel(), now.caseReviews(), now.caseReviewProblems(), now.reconsiderationsByOutcome(),
                now.lawsuitsByOutcome(), change.get("casesFiled"), change.get("finesYuan"), change, now.notRecorded(),
                campaigns(year, orgs), now.planCompletion(), now.workFigures(), now.randomChecks(), now.seriousList());
    }

    /**
     * The five figures per 专项 of the year's plans of these units, each read from its owning module over the tasks,
     * records, hazards and cases carrying the campaign's tag.
     */
    @Transactional(readOnly = true)
    public List<CampaignFigures> campaigns(int year, Collection<Long> orgs) {
        List<cn.zhifa.planning.CampaignTag> tags = plans.campaigns(year, orgs);
        List<Long> ids = tags.stream().map(cn.zhifa.planning.CampaignTag::id).toList();
        Map<Long, Long> firms = inspections.firmsInspectedByCampaign(ids);
        Map<Long, HazardManagement.CampaignFigures> found = hazards.figuresByCampaign(ids);
        Map<Long, CaseStatistics.CampaignFigures> filed = cases.byCampaign(ids);
        return tags.stream().map(tag -> {
            HazardManagement.CampaignFigures h = found.get(tag.id());
            CaseStatistics.CampaignFigures c = filed.get(tag.id());
            return new CampaignFigures(tag.id(), tag.name(), firms.getOrDefault(tag.id(), 0L), h == null ? 0 : h.found(),
                    h == null ? 0 : h.major(), c == null ? 0 : c.filed(), c == null ? BigDecimal.ZERO : c.finesYuan());
        }).toList();
    }

    /** Planned visits and visits done over the year's plans of these units (planning's completion of each plan, summed in one query). */
    private AnnualFigures.PlanCompletion planCompletion(int year, Collection<Long> orgs) {
        cn.zhifa.planning.PlanManagement.CompletionTotals totals = plans.completionTotals(year, orgs);
        return AnnualFigures.PlanCompletion.of(totals.planned(), totals.done());
    }

    /** Visits per month of the year over the unit's subtree (the dashboard's chart). */
    @Transactional(readOnly = true)
    public long[] visitsPerMonth(int year, Long organizationId) {
        return visits.visitsPerMonth(year, scope.subtreeIds(unit(organizationId).id()));
    }

    /** One row of a dashboard's per-unit table: a unit below the chosen one with its subtree's main figures. */
    public record UnitRow(long organizationId, String unit, long firmsInspected, long inspectionVisits, long hazardsFound,
                          long majorHazardsFound, long casesFiled, long casesDecided, BigDecimal finesYuan, long published) {
    }

    /** The main figures of each unit directly below {@code organizationId} (and of its own records, as the first row). */
    @Transactional(readOnly = true)
    public List<UnitRow> unitRows(int year, Long organizationId) {
        OrganizationView unit = unit(organizationId);
        List<UnitRow> rows = new ArrayList<>();
        List<OrganizationView> children = childrenOf(unit);
        if (!children.isEmpty()) {
            rows.add(row(year, List.of(unit.id()), unit, unit.name() + "（本级）"));
        }
        for (OrganizationView child : children) {
            rows.add(row(year, scope.subtreeIds(child.id()), child, child.name()));
        }
        return rows;
    }

    private UnitRow row(int year, List<Long> orgs, OrganizationView unit, String name) {
        MainFigures f = main(year, orgs, false);
        return new UnitRow(unit.id(), name, f.firms(), f.visits(), f.hazards(), f.major(), f.filed(), f.decided(), f.fines(),
                f.published());
    }

    /**
     * The main figures of a year: what a per-unit row shows and what the year-on-year changes compare, read from the
     * read models alone (with the certified officers and the draws when {@code withOfficersAndDraws}) — none of the
     * other modules' figure sources, plans or lists, which only the year itself prints.
     */
    private record MainFigures(long officersCertified, long firms, long visits, long officerVisits, long hazards, long major,
                               long filed, long decided, BigDecimal fines, long legalReviews, long documents, long published,
                               long firmsDrawn) {
    }

    private MainFigures main(int year, Collection<Long> orgs, boolean withOfficersAndDraws) {
        VisitReadModel.VisitFigures v = visits.figures(year, orgs);
        HazardReadModel.HazardFigures h = hazardModel.figures(year, orgs);
        CaseReadModel.CaseFigures c = caseModel.figures(year, orgs);
        long documents = documentModel.byKind(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), orgs).stream()
                .mapToLong(DocumentReadModel.KindCount::issued).sum();
        long published = publicityModel.figures(year, orgs).published();
        long certified = 0, legalReviews = 0, drawn = 0;
        if (withOfficersAndDraws) {
            certified = officers.statistics(year, orgs).certified();
            legalReviews = factModel.figures(year, orgs).count(CaseFactsReported.Figure.LEGAL_REVIEW);
            drawn = draws.figures(year, orgs).firmsDrawn();
        }
        return new MainFigures(certified, v.firms(), v.visits(), v.officerVisits(), h.found(), h.major(), c.filedTotal(),
                c.decidedTotal(), c.finesTotal(), legalReviews, documents, published, drawn);
    }

    /** The monthly or quarterly 统计报表 of a unit: its own records, each unit below it, and the total. */
    @Transactional(readOnly = true)
    public PeriodReport periodReport(PeriodReport.Period period, Long organizationId) {
        OrganizationView unit = unit(organizationId);
        List<PeriodReport.Row> rows = new ArrayList<>();
        List<OrganizationView> children = childrenOf(unit);
        rows.add(periodRow(period, children.isEmpty() ? scope.subtreeIds(unit.id()) : List.of(unit.id()),
                children.isEmpty() ? unit.name() : unit.name() + "（本级）"));
        for (OrganizationView child : children) {
            rows.add(periodRow(period, scope.subtreeIds(child.id()), child.name()));
        }
        return new PeriodReport(unit.name(), period, rows, periodRow(period, scope.subtreeIds(unit.id()), "合计"));
    }

    private PeriodReport.Row periodRow(PeriodReport.Period period, List<Long> orgs, String name) {
        VisitReadModel.VisitFigures v = visits.figures(period.from(), period.to(), orgs);
        HazardReadModel.HazardFigures h = hazardModel.figures(period.from(), period.to(), orgs);
        long hazardsClosed = hazardModel.closed(period.from(), period.to(), orgs);
        CaseReadModel.CaseFigures c = caseModel.figures(period.from(), period.to(), orgs);
        long docs = documentModel.byKind(period.from(), period.to(), orgs).stream()
                .mapToLong(DocumentReadModel.KindCount::issued).sum();
        return new PeriodReport.Row(name, v.firms(), v.visits(), v.visitsByKind().get(InspectionKind.KEY),
                v.visitsByKind().get(InspectionKind.GENERAL), v.visitsByKind().get(InspectionKind.OTHER),
                v.visitsByMode().get(InspectionMode.ONLINE), v.officerVisits(), h.found(), h.major(), hazardsClosed,
                c.filed().get(CaseKind.ENFORCEMENT), c.filed().get(CaseKind.ACCIDENT), c.decided().get(CaseKind.ENFORCEMENT),
                c.decided().get(CaseKind.ACCIDENT), c.finesYuan().get(CaseKind.ENFORCEMENT), c.finesYuan().get(CaseKind.ACCIDENT), docs);
    }

    /**
     * Inspection visits (检查家次) of the period for each of {@code organizationIds} alone (its own records, as counted in
     * the 统计报表), in one query; a unit without visits is absent. The caller sums a subtree.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> visitsPerUnit(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        return visits.visitsPerUnit(from, to, organizationIds);
    }

    /** An officer's own work of a year: visits and firms of the records he signed, hazards he found. */
    public record OwnFigures(long visits, long firms, long hazardsFound, long majorHazardsFound, long hazardsRectified) {
    }

    @Transactional(readOnly = true)
    public OwnFigures own(int year) {
        long me = Actors.require().userId();
        var visitRow = inspections.statistics(year).perOfficer().stream().filter(r -> r.id() == me).findFirst();
        var hazardRow = hazards.statistics(year).perOfficer().stream().filter(r -> r.id() == me).findFirst();
        return new OwnFigures(visitRow.map(r -> r.visits()).orElse(0L), visitRow.map(r -> r.firms()).orElse(0L),
                hazardRow.map(r -> r.found()).orElse(0L), hazardRow.map(r -> r.major()).orElse(0L),
                hazardRow.map(r -> r.rectified()).orElse(0L));
    }

    /** Recomputes reporting's read models of a year from the facts the owning modules replay. */
    public void rebuild(int year) {
        visits.rebuild(year);
        hazardModel.rebuild(year);
        caseModel.rebuild(year);
        factModel.rebuild(year);
        documentModel.rebuild(year);
        publicityModel.rebuild(year);
    }

    private AnnualFigures figures(int year, Collection<Long> orgs, OrganizationView unit) {
        OfficerStatistics officerFigures = officers.statistics(year, orgs);
        VisitReadModel.VisitFigures visitFigures = visits.figures(year, orgs);
        HazardReadModel.HazardFigures hazardFigures = hazardModel.figures(year, orgs);
        CaseReadModel.CaseFigures caseCounts = caseModel.figures(year, orgs);
        HazardManagement.ReportFigures hazardExtra = hazards.reportFigures(year, orgs);
        CaseFactReadModel.FactFigures facts = factModel.figures(year, orgs);
        long dual = facts.count(CaseFactsReported.Figure.DUAL);
        BigDecimal dualShare = caseCounts.decidedTotal() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(dual * 100).divide(BigDecimal.valueOf(caseCounts.decidedTotal()), 1, RoundingMode.HALF_UP);
        List<AnnualFigures.DocumentCount> byKind = documentModel.byKind(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), orgs)
                .stream().map(c -> new AnnualFigures.DocumentCount(c.kind(), c.title(), c.issued())).toList();
        long documentsIssued = byKind.stream().mapToLong(AnnualFigures.DocumentCount::issued).sum();
        PublicityReadModel.PublicityFigures publicityFigures = publicityModel.figures(year, orgs);
        long due = publicityFigures.due(), published = publicityFigures.published(), onTime = publicityFigures.publishedOnTime();
        Map<String, Object> supplementary = new LinkedHashMap<>();
        List<WorkFigure> work = new java.util.ArrayList<>();
        for (FigureSource source : sources) {
            supplementary.putAll(source.figures(year, orgs));
            source.workFigures(year, orgs).stream().filter(w -> w.value().signum() != 0).forEach(work::add);
        }
        List<String> notRecorded = AnnualFigures.SUPPLEMENTARY.entrySet().stream()
                .filter(e -> sources.stream().noneMatch(s -> s.provides().contains(e.getKey())))
                .map(Map.Entry::getValue).toList();
        return new AnnualFigures(year, unit.id(), unit.name(), officerFigures.certified(), officerFigures.issuedInYear(),
                officerFigures.revokedInYear(), officerFigures.participationRatePercent(), visitFigures.firms(),
                visitFigures.visits(), codes(visitFigures.visitsByKind()), codes(visitFigures.firmsByKind()),
                codes(visitFigures.visitsByMode()), visitFigures.officerVisits(), hazardFigures.found(),
                hazardFigures.major(), hazardFigures.rectified(), hazardFigures.majorRectified(),
                hazardFigures.rectificationRate(), hazardExtra.supervised(), hazardExtra.exposed(),
                hazardExtra.selfReported(), caseCounts.filedTotal(), kinds(caseCounts.filed()), caseCounts.decidedTotal(),
                kinds(caseCounts.decided()), caseCounts.finesTotal(), kinds(caseCounts.finesYuan()),
                facts.count(CaseFactsReported.Figure.INDIVIDUAL_FINED), facts.finesOnIndividualsYuan(),
                facts.count(CaseFactsReported.Figure.SUMMARY), dualShare, facts.count(CaseFactsReported.Figure.NOT_PUNISHED),
                facts.count(CaseFactsReported.Figure.LEGAL_REVIEW), facts.meetings(),
                facts.count(CaseFactsReported.Figure.DISCUSSED), facts.count(CaseFactsReported.Figure.HEARING),
                facts.count(CaseFactsReported.Figure.COERCIVE_MEASURE), facts.count(CaseFactsReported.Figure.TRANSFER),
                facts.count(CaseFactsReported.Figure.CRIMINAL_TRANSFER), documentsIssued, byKind, due, published, onTime,
                PublicityStatistics.rate(onTime, due), countsOf(supplementary.get("complaintsByChannel")),
                countOf(supplementary.get("caseReviews")), countOf(supplementary.get("caseReviewProblems")),
                countsOf(supplementary.get("reconsiderationsByOutcome")), countsOf(supplementary.get("lawsuitsByOutcome")),
                null, null, Map.of(), notRecorded, List.of(), planCompletion(year, orgs), work, randomChecks(year, orgs),
                seriousList(year, orgs));
    }

    private AnnualFigures.RandomChecks randomChecks(int year, Collection<Long> orgs) {
        cn.zhifa.planning.DrawManagement.DrawFigures d = draws.figures(year, orgs);
        return new AnnualFigures.RandomChecks(d.firmsDrawn(), d.firmsInspected(), d.jointDrawn(), d.crossDrawn());
    }

    private AnnualFigures.SeriousList seriousList(int year, Collection<Long> orgs) {
        cn.zhifa.credit.CreditManagement.ListingFigures l = credit.listingFigures(year, orgs);
        return new AnnualFigures.SeriousList(l.listed(), l.removed());
    }

    private static <E extends Enum<E>> Map<String, Long> codes(Map<E, Long> byEnum) {
        Map<String, Long> result = new LinkedHashMap<>();
        byEnum.forEach((k, v) -> result.put(k.name(), v));
        return result;
    }

    private static <V> Map<String, V> kinds(Map<CaseKind, V> byKind) {
        Map<String, V> result = new LinkedHashMap<>();
        byKind.forEach((k, v) -> result.put(k.name(), v));
        return result;
    }

    private static long countOf(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Map<String, Long> countsOf(Object value) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), countOf(v)));
        }
        return result;
    }

    static BigDecimal change(long now, long before) {
        return change(BigDecimal.valueOf(now), BigDecimal.valueOf(before));
    }

    static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    /** The Chinese label of a kind code used in {@link AnnualFigures}' maps. */
    public static String label(String code) {
        return switch (code) {
            case "KEY" -> InspectionKind.KEY.label();
            case "GENERAL" -> InspectionKind.GENERAL.label();
            case "OTHER" -> InspectionKind.OTHER.label();
            case "ON_SITE" -> InspectionMode.ON_SITE.label();
            case "ONLINE" -> InspectionMode.ONLINE.label();
            case "ENFORCEMENT" -> "执法处罚";
            case "ACCIDENT" -> "事故处罚";
            default -> code;
        };
    }
}
