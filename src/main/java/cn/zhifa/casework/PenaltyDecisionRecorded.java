package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The facts of a 行政处罚决定 as the decision states them, published with {@link CaseEvent.PenaltyDecided} so that
 * modules which must publish or report the decision (publicity, credit) need not read the case.
 *
 * @param basis   the penalty article applied, e.g. 《中华人民共和国安全生产法》第九十七条
 * @param penalty the penalty in words, e.g. 罚款人民币40000.00元
 */
public record PenaltyDecisionRecorded(Long caseId, long organizationId, ProcedureKind procedure, String caseNumber,
                                      String decisionNumber, Long enterpriseId, PartySnapshot party, String violation,
                                      String facts, String basis, String penalty, String otherMeasures,
                                      BigDecimal fineYuan, LocalDate decidedOn) {
}
