package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reportable facts of a case after 立案, a decision, 不予处罚 or a 当场处罚 (which files and decides at once): a
 * snapshot keyed by the case, so that reporting's read model can apply it any number of times.
 *
 * @param punished false for 不予处罚 (decided, but not counted among the decisions and fines)
 */
public record CaseReported(long caseId, long organizationId, CaseKind kind, LocalDate filedOn, LocalDate decidedOn,
                           BigDecimal fineYuan, boolean punished) {

    static CaseReported of(PenaltyCase c) {
        return new CaseReported(c.getId(), c.getOrganizationId(), c.getKind(), c.getFiledOn(), c.getDecidedOn(),
                c.getFineYuan(), c.getStage() != CaseStage.NOT_PUNISHED);
    }
}
