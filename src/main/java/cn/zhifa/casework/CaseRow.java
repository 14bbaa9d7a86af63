package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A case in lists. */
public record CaseRow(long id, String caseNumber, String title, String partyName, CaseKind kind, CaseStage stage,
                      ProcedureKind procedureKind, String handlerName, String organizationName, LocalDate proposedOn,
                      LocalDate filedOn, LocalDate decidedOn, BigDecimal fineYuan, Long linkedCaseId) {
}
