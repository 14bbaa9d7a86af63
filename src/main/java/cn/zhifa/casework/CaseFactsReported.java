package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The reportable facts of one case beside its 立案 and decision ({@link CaseReported}): fines on individuals, 简易程序,
 * 一案双罚, 不予处罚, 法制审核 (once per case and year), 听证, 移送, 涉嫌犯罪移送 (行刑衔接), 行政强制措施 and the 案审会 that
 * discussed it, each with its day. Published after every save of the case as a whole snapshot; {@code version} is the
 * case's version, so a reader keeps the newest snapshot and a repeated or late one changes nothing.
 */
public record CaseFactsReported(long caseId, long organizationId, int version, List<Fact> facts) {

    /** The figure a fact counts towards. */
    public enum Figure {
        /** a natural person fined (counted when decided; {@code yuan} is the fine, zero when 不予处罚) */
        INDIVIDUAL_FINED,
        SUMMARY,
        DUAL,
        NOT_PUNISHED,
        LEGAL_REVIEW,
        HEARING,
        TRANSFER,
        CRIMINAL_TRANSFER,
        COERCIVE_MEASURE,
        DISCUSSED
    }

    /** One fact: the figure, the day it counts on, an amount in 元 where the figure has one. */
    public record Fact(Figure figure, LocalDate on, BigDecimal yuan) {
    }
}
