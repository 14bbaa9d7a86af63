package cn.zhifa.reporting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of an annual report for one year over one scope (a unit and its subtree, or the caller's whole scope),
 * with the year-on-year changes. Money in 元 with two decimals; rates in percent with one decimal. Maps keyed by codes
 * ({@code KEY}/{@code GENERAL}/{@code OTHER}, {@code ENFORCEMENT}/{@code ACCIDENT}, {@code ON_SITE}/{@code ONLINE})
 * for machines; pages print their Chinese labels.
 *
 * @param changePercent  year-on-year change in percent of the main figures (null when last year was zero)
 * @param notRecorded    Chinese names of the figures whose data the platform does not capture yet (they read zero)
 * @param workFigures    the figures of the other modules' work ({@link FigureSource#workFigures}), zeros left out
 * @param randomChecks   双随机 draws of the year's months: firms drawn, of them inspected, joint draws, cross enforcement
 * @param seriousList    严重失信主体名单 listings decided and removals in the year
 */
public record AnnualFigures(int year, Long organizationId, String scopeName,
                            long officersCertified, long officersNew, long certificatesRevoked, BigDecimal participationRate,
                            long firmsInspected, long inspectionVisits, Map<String, Long> visitsByKind,
                            Map<String, Long> firmsByKind, Map<String, Long> visitsByMode, long officerVisits,
                            long hazardsFound, long majorHazardsFound, long hazardsRectified, long majorHazardsRectified,
                            double rectificationRate, long hazardsSupervised, long hazardsExposed, long hazardsSelfReported,
                            long casesFiled, Map<String, Long> casesFiledByKind, long casesDecided,
                            Map<String, Long> decidedByKind, BigDecimal finesYuan, Map<String, BigDecimal> finesByKind,
                            long individualsFined, BigDecimal finesOnIndividualsYuan, long summaryPenalties,
                            BigDecimal dualPenaltyShare, long notPunished, long legalReviews, long meetings,
                            long casesDiscussed, long hearings, long coerciveMeasures, long transfers, long criminalTransfers,
                            long documentsIssued, List<DocumentCount> documentsByKind,
                            long publicityDue, long published, long publishedOnTime, BigDecimal publicityRate,
                            Map<String, Long> complaintsByChannel, long caseReviews, long caseReviewProblems,
                            Map<String, Long> reconsiderationsByOutcome, Map<String, Long> lawsuitsByOutcome,
                            BigDecimal filedChangePercent, BigDecimal finesChangePercent,
                            Map<String, BigDecimal> changePercent, List<String> notRecorded,
                            List<CampaignFigures> campaigns, PlanCompletion planCompletion, List<WorkFigure> workFigures,
                            RandomChecks randomChecks, SeriousList seriousList) {

    /** Figures contributed through {@link FigureSource}, with the Chinese name {@code notRecorded} prints. */
    public static final Map<String, String> SUPPLEMENTARY;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("complaintsByChannel", "投诉举报（按渠道）");
        names.put("caseReviews", "案卷评查");
        names.put("caseReviewProblems", "案卷评查发现问题");
        names.put("reconsiderationsByOutcome", "行政复议（按结果）");
        names.put("lawsuitsByOutcome", "行政诉讼（按结果）");
        SUPPLEMENTARY = java.util.Collections.unmodifiableMap(names);
    }

    /**
     * The year's 监督检查计划 of the scope: visits planned, visits done of planned firms, and the completion rate in percent
     * (one decimal; 100 when nothing was planned).
     */
    public record PlanCompletion(long planned, long done, BigDecimal rate) {

        public static PlanCompletion of(long planned, long done) {
            return new PlanCompletion(planned, done, planned == 0 ? new BigDecimal("100.0")
                    : BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(planned), 1, java.math.RoundingMode.HALF_UP));
        }
    }

    /**
     * 双随机 of the year: firms drawn by the executed (not voided) draws of its months, of them inspected on the drawn
     * task, and the firms drawn in 部门联合 and in 交叉执法 draws.
     */
    public record RandomChecks(long firmsDrawn, long firmsInspected, long jointDrawn, long crossDrawn) {

        public static final RandomChecks NONE = new RandomChecks(0, 0, 0, 0);
    }

    /** 严重失信主体名单 of the year: listing decisions (列入) and removals (移出, on expiry or 信用修复). */
    public record SeriousList(long listed, long removed) {

        public static final SeriousList NONE = new SeriousList(0, 0);
    }

    /** One kind of issued document and how many were issued. */
    public record DocumentCount(String kind, String title, long issued) {
    }

    /** 处罚金额 in 万元 with two decimals, as the reports print it. */
    public static String wan(BigDecimal yuan) {
        return yuan.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
