package cn.zhifa.law.internal;

import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.Counting;
import cn.zhifa.law.PenaltyArticle;
import cn.zhifa.law.PeriodCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The legal numbers of {@code law/legal-rules.yml} (imported into the application's configuration),
 * each with its source and effective date.
 */
@ConfigurationProperties("zhifa.law")
public record LawProperties(Map<PeriodCode, Period> periods,
                            Procedure procedure,
                            AccidentGrading accidentGrading,
                            AccidentFines accidentFines,
                            PenaltyArticles penaltyArticles) {

    public record Period(String name, int length, Counting counting, @DefaultValue("AFTER") Direction direction,
                         String source, LocalDate effectiveFrom, @DefaultValue("true") boolean confirmed,
                         Boolean rollsOverRestDays) {
    }

    public enum Direction { AFTER, BEFORE }

    public record Procedure(SummaryProcedure summaryProcedure, OnTheSpotCollection onTheSpotCollection,
                            LatePaymentSurcharge latePaymentSurcharge, HearingThreshold hearingThreshold,
                            MinimumOfficers minimumOfficers) {
    }

    public record SummaryProcedure(BigDecimal citizenMaxYuan, BigDecimal organizationMaxYuan, String source,
                                   LocalDate effectiveFrom) {
    }

    public record OnTheSpotCollection(BigDecimal maxYuan, String source, LocalDate effectiveFrom) {
    }

    public record LatePaymentSurcharge(BigDecimal percentPerDay, boolean cappedAtFine, String source,
                                       LocalDate effectiveFrom) {
    }

    public record HearingThreshold(BigDecimal individualMinYuan, BigDecimal organizationMinYuan, String source,
                                   LocalDate effectiveFrom, @DefaultValue("true") boolean confirmed) {
    }

    public record MinimumOfficers(int count, String source, LocalDate effectiveFrom) {
    }

    public record AccidentGrading(String source, LocalDate effectiveFrom, Map<AccidentGrade, Threshold> thresholds) {
    }

    public record Threshold(int deaths, int seriousInjuries, BigDecimal directLossYuan) {
    }

    public record AccidentFines(UnitFines unit, Aggravated aggravated, PrincipalFines principal,
                                PrincipalFledOrConcealed principalFledOrConcealed, UnitByCircumstance unitByCircumstance) {
    }

    /**
     * The unit's fine sub-ranges inside each grade by the accident's figures (《生产安全事故罚款处罚规定》), from their
     * effective date; bands in ascending order, a band applies when any of its lower bounds is reached.
     */
    public record UnitByCircumstance(String source, LocalDate effectiveFrom, @DefaultValue("true") boolean confirmed,
                                     Map<AccidentGrade, List<Band>> bands) {
    }

    /** Lower bounds ("以上"包括本数) of a band and its range; the first band of a grade has all bounds 0. */
    public record Band(String circumstance, int deathsFrom, int seriousInjuriesFrom, BigDecimal directLossYuanFrom,
                       BigDecimal minYuan, BigDecimal maxYuan) {
    }

    public record UnitFines(String source, LocalDate effectiveFrom, Map<AccidentGrade, Range> ranges) {
    }

    public record Range(BigDecimal minYuan, BigDecimal maxYuan) {
    }

    public record Aggravated(String source, LocalDate effectiveFrom, BigDecimal minMultiple, BigDecimal maxMultiple) {
    }

    public record PrincipalFines(String source, LocalDate effectiveFrom, Map<AccidentGrade, BigDecimal> percentOfAnnualIncome) {
    }

    public record PrincipalFledOrConcealed(String source, LocalDate effectiveFrom, BigDecimal minPercent,
                                           BigDecimal maxPercent) {
    }

    public record PenaltyArticles(String law, LocalDate effectiveFrom, List<Article> articles) {
    }

    /** @param violates the provision the penalty article punishes a breach of, where it is one (e.g. 102 → 第四十一条第二款) */
    public record Article(int number, String violation, List<Fine> fines, List<String> otherMeasures, String violates) {
    }

    public record Fine(PenaltyArticle.Party party, String condition, PenaltyArticle.FineKind kind,
                       BigDecimal minYuan, BigDecimal maxYuan, BigDecimal min, BigDecimal max) {
    }
}
