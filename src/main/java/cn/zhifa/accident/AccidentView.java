package cn.zhifa.accident;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An accident as its page and the API show it: the current figures and grade, every report, the investigation,
 * the 批复 and the cases it called for, the measures, the evaluation and the deadlines.
 */
public record AccidentView(long id, String title, long enterpriseId, String enterpriseName, String industry,
                           String organizationName, LocalDateTime occurredAt, LocalDateTime receivedAt,
                           LocalDateTime forwardedAt, String place, AccidentKind kind, String kindLabel, int deaths,
                           int seriousInjuries, int missing, BigDecimal directLossYuan, AccidentGrade grade,
                           String gradeLabel, String gradeExplanation, String summary, AccidentStatus status,
                           String statusLabel, boolean lateFirstReport, String supervisedBy, String investigationBody,
                           LocalDate investigationStartedOn, boolean investigationExtended, String extensionReason,
                           LocalDate reportReceivedOn, String causes, String unitResponsibility, boolean unitResponsible,
                           String principalName, String personResponsibility, String recommendedPenalties,
                           boolean approvalExtended, boolean approvalExtendable, LocalDate approvedOn, String approvalText,
                           LocalDate evaluatedOn, String evaluationResult, boolean typical, String publicSummary,
                           List<ReportLine> reports, List<TeamLine> team, List<MeasureLine> measures,
                           List<CaseLine> cases, List<AccidentDeadline> deadlines, int version) {

    /** A 快报 or 续报 as sent, with the grade it gave. */
    public record ReportLine(String kind, LocalDateTime reportedAt, int deaths, int seriousInjuries, int missing,
                             BigDecimal directLossYuan, String gradeLabel, boolean late, String note, String reportedBy) {
    }

    public record TeamLine(TeamRole role, String roleLabel, String name, String unit) {
    }

    public record MeasureLine(int index, String content, String responsibleUnit, LocalDate due, LocalDate doneOn,
                              boolean overdue) {
    }

    /** A penalty case the 批复 called for, with the amount suggested by the accident-fine rules. */
    public record CaseLine(long caseId, String party, String article, String suggestion) {
    }
}
