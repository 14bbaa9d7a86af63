package cn.zhifa.accident.internal;

import cn.zhifa.accident.AccidentKind;
import cn.zhifa.accident.AccidentStatus;
import cn.zhifa.accident.TeamRole;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A production-safety accident and its handling. Lifecycle: {@link #report 快报} (graded) → any number of
 * {@link #followUp 续报} (re-graded, every report kept) → {@link #startInvestigation 调查} by the body of its grade with a
 * team → at most one {@link #extendInvestigation 延期} → {@link #submitReport 调查报告} (causes, responsibility,
 * recommended penalties, measures) → {@link #approve 批复} (the cases it calls for are then {@link #linkCase linked}) →
 * measures {@link #completeMeasure done} → {@link #evaluate 一年内评估}.
 */
@Table("accident")
public class Accident {

    /** The figures an accident is graded on, as one report gives them. */
    public record Figures(int deaths, int seriousInjuries, int missing, BigDecimal directLossYuan) {
    }

    /** One 快报 or 续报, kept as sent. */
    @Table("accident_report")
    public record Report(boolean first, LocalDateTime reportedAt, int deaths, int seriousInjuries, int missing,
                         BigDecimal directLossYuan, AccidentGrade grade, boolean late, String note, String reportedBy) {
    }

    @Table("accident_team_member")
    public record TeamMember(TeamRole role, String name, String unit) {
    }

    /** A rectification or prevention measure of the report, with the unit that carries it out. */
    @Table("accident_measure")
    public record Measure(String content, String responsibleUnit, LocalDate due, LocalDate doneOn) {
    }

    /** A penalty case the 批复 called for. */
    @Table("accident_case")
    public record CaseLink(long caseId, String party, String article, String suggestion) {
    }

    /** What the investigation report finds (条例第三十条). */
    public record Findings(String causes, String unitResponsibility, boolean unitResponsible, String principalName,
                           BigDecimal principalIncomeYuan, String personResponsibility, String recommendedPenalties) {
    }

    @Id
    Long id;
    long organizationId;
    long enterpriseId;
    String enterpriseName;
    String industry;
    String title;
    LocalDateTime occurredAt;
    LocalDateTime receivedAt;
    LocalDateTime forwardedAt;
    String place;
    AccidentKind kind;
    int deaths;
    int seriousInjuries;
    int missing;
    BigDecimal directLossYuan;
    AccidentGrade grade;
    String summary;
    AccidentStatus status;
    String investigationBody;
    LocalDate investigationStartedOn;
    boolean investigationExtended;
    String extensionReason;
    LocalDate reportReceivedOn;
    String causes;
    String unitResponsibility;
    boolean unitResponsible;
    String principalName;
    BigDecimal principalIncomeYuan;
    String personResponsibility;
    String recommendedPenalties;
    boolean approvalExtended;
    LocalDate approvedOn;
    String approvalText;
    LocalDate evaluatedOn;
    String evaluationResult;
    boolean typical;
    String publicSummary;
    boolean demo;
    @MappedCollection(idColumn = "accident_id", keyColumn = "position")
    List<Report> reports = new ArrayList<>();
    @MappedCollection(idColumn = "accident_id", keyColumn = "position")
    List<TeamMember> team = new ArrayList<>();
    @MappedCollection(idColumn = "accident_id", keyColumn = "position")
    List<Measure> measures = new ArrayList<>();
    @MappedCollection(idColumn = "accident_id", keyColumn = "position")
    List<CaseLink> cases = new ArrayList<>();
    @Version
    Integer version;

    Accident() {
    }

    /** 事故快报 received by the bureau, graded by {@code grade} (law's grading of {@code figures}). */
    public static Accident report(long organizationId, long enterpriseId, String enterpriseName, String industry, String title,
                                  LocalDateTime occurredAt, LocalDateTime receivedAt, LocalDateTime forwardedAt, String place,
                                  AccidentKind kind, Figures figures, AccidentGrade grade, String summary, String by) {
        if (receivedAt.isBefore(occurredAt)) {
            throw new RuleViolation("接报时间不能早于事故发生时间。");
        }
        if (forwardedAt != null && forwardedAt.isBefore(receivedAt)) {
            throw new RuleViolation("向上级上报的时间不能早于接报时间。");
        }
        Accident a = new Accident();
        a.organizationId = organizationId;
        a.enterpriseId = enterpriseId;
        a.enterpriseName = enterpriseName;
        a.industry = industry;
        a.title = title.strip();
        a.occurredAt = occurredAt;
        a.receivedAt = receivedAt;
        a.forwardedAt = forwardedAt;
        a.place = place.strip();
        a.kind = kind;
        a.summary = summary.strip();
        a.status = AccidentStatus.REPORTED;
        a.apply(figures, grade);
        a.reports.add(new Report(true, receivedAt, figures.deaths(), figures.seriousInjuries(), figures.missing(),
                figures.directLossYuan(), grade, false, "事故快报", by));
        return a;
    }

    /**
     * 续报: new figures replace the current ones and re-grade the accident; the earlier reports stay. A 续报 after the
     * period of 条例第十三条 is still recorded, flagged late.
     */
    public void followUp(LocalDateTime at, Figures figures, AccidentGrade newGrade, boolean late, String note, String by) {
        if (status == AccidentStatus.APPROVED || status == AccidentStatus.EVALUATED) {
            throw new RuleViolation("事故调查报告已批复，不能再续报。");
        }
        if (at.isBefore(reports.get(reports.size() - 1).reportedAt())) {
            throw new RuleViolation("续报时间不能早于上一次报告的时间。");
        }
        apply(figures, newGrade);
        reports.add(new Report(false, at, figures.deaths(), figures.seriousInjuries(), figures.missing(),
                figures.directLossYuan(), newGrade, late, note == null || note.isBlank() ? null : note.strip(), by));
    }

    private void apply(Figures figures, AccidentGrade newGrade) {
        this.deaths = figures.deaths();
        this.seriousInjuries = figures.seriousInjuries();
        this.missing = figures.missing();
        this.directLossYuan = figures.directLossYuan();
        this.grade = newGrade;
    }

    /** The investigation by {@code body} (by grade, 条例第十九条) with its team: a leader and at least one other member. */
    public void startInvestigation(String body, LocalDate on, List<TeamMember> members) {
        if (status != AccidentStatus.REPORTED) {
            throw new RuleViolation("该事故已在调查或已结束调查。");
        }
        if (members.stream().filter(m -> m.role() == TeamRole.LEADER).count() != 1) {
            throw new RuleViolation("事故调查组须有且只有一名组长。");
        }
        if (members.size() < 2) {
            throw new RuleViolation("事故调查组除组长外至少还须有一名成员。");
        }
        if (on.isBefore(occurredAt.toLocalDate())) {
            throw new RuleViolation("调查开始日期不能早于事故发生日期。");
        }
        this.investigationBody = body;
        this.investigationStartedOn = on;
        this.team = new ArrayList<>(members);
        this.status = AccidentStatus.INVESTIGATING;
    }

    /** The one approved extension of the investigation period (条例第二十九条). */
    public void extendInvestigation(String reason) {
        if (status != AccidentStatus.INVESTIGATING) {
            throw new RuleViolation("只有调查中的事故才能延长调查期限。");
        }
        if (investigationExtended) {
            throw new RuleViolation("调查期限已延长过一次，延长的期限最长不超过60日，不能再次延长。");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请填写延长调查期限的理由和批准情况。");
        }
        this.investigationExtended = true;
        this.extensionReason = reason.strip();
    }

    /** The team's report, received by the investigating government on {@code receivedOn}, with its measures. */
    public void submitReport(LocalDate receivedOn, Findings findings, List<Measure> reportMeasures) {
        if (status != AccidentStatus.INVESTIGATING) {
            throw new RuleViolation("只有调查中的事故才能提交调查报告。");
        }
        if (receivedOn.isBefore(investigationStartedOn)) {
            throw new RuleViolation("调查报告提交日期不能早于调查开始日期。");
        }
        if (findings.causes() == null || findings.causes().isBlank()) {
            throw new RuleViolation("请填写事故发生的原因和事故性质。");
        }
        if (!findings.unitResponsible() && (findings.principalName() == null || findings.principalName().isBlank())
                && (findings.recommendedPenalties() == null || findings.recommendedPenalties().isBlank())) {
            throw new RuleViolation("请填写责任认定：事故单位是否负有责任、主要负责人或对责任者的处理建议。");
        }
        if (findings.principalIncomeYuan() != null && findings.principalIncomeYuan().signum() < 0) {
            throw new RuleViolation("主要负责人上一年年收入不能为负数。");
        }
        if (reportMeasures.isEmpty()) {
            throw new RuleViolation("请至少填写一项整改和防范措施（责任单位、完成期限）。");
        }
        this.reportReceivedOn = receivedOn;
        this.causes = findings.causes().strip();
        this.unitResponsibility = blankToNull(findings.unitResponsibility());
        this.unitResponsible = findings.unitResponsible();
        this.principalName = blankToNull(findings.principalName());
        this.principalIncomeYuan = findings.principalIncomeYuan();
        this.personResponsibility = blankToNull(findings.personResponsibility());
        this.recommendedPenalties = blankToNull(findings.recommendedPenalties());
        this.measures = new ArrayList<>(reportMeasures);
        this.status = AccidentStatus.REPORT_SUBMITTED;
    }

    /** The extension of a 特别重大 accident's 批复 period (条例第三十二条), once. */
    public void extendApproval(boolean extendable) {
        if (status != AccidentStatus.REPORT_SUBMITTED) {
            throw new RuleViolation("只有待批复的调查报告才能延长批复期限。");
        }
        if (!extendable) {
            throw new RuleViolation(grade.label() + "的批复期限不能延长（条例第三十二条只允许特别重大事故延长）。");
        }
        if (approvalExtended) {
            throw new RuleViolation("批复期限已延长过一次，不能再次延长。");
        }
        this.approvalExtended = true;
    }

    /** 批复 of the report; the cases it calls for are proposed by the module's service and then {@link #linkCase linked}. */
    public void approve(LocalDate on, String text) {
        if (status != AccidentStatus.REPORT_SUBMITTED) {
            throw new RuleViolation("只有已提交的调查报告才能批复。");
        }
        if (on.isBefore(reportReceivedOn)) {
            throw new RuleViolation("批复日期不能早于收到调查报告的日期。");
        }
        if (text == null || text.isBlank()) {
            throw new RuleViolation("请填写批复意见。");
        }
        this.approvedOn = on;
        this.approvalText = text.strip();
        this.status = AccidentStatus.APPROVED;
    }

    public void linkCase(CaseLink link) {
        if (approvedOn == null) {
            throw new IllegalStateException("cases follow the 批复");
        }
        cases.add(link);
    }

    public void completeMeasure(int index, LocalDate on) {
        if (approvedOn == null) {
            throw new RuleViolation("调查报告批复后才能登记整改措施落实情况。");
        }
        if (index < 0 || index >= measures.size()) {
            throw RuleViolation.notFound("没有这项整改措施。");
        }
        Measure m = measures.get(index);
        if (m.doneOn() != null) {
            throw new RuleViolation("该项措施已登记完成。");
        }
        measures.set(index, new Measure(m.content(), m.responsibleUnit(), m.due(), on));
    }

    /** 一年内评估 of the measures' implementation (安全生产法第八十六条), with its result. */
    public void evaluate(LocalDate on, String result) {
        if (status != AccidentStatus.APPROVED) {
            throw new RuleViolation("调查报告批复后才能评估整改和防范措施的落实情况。");
        }
        if (on.isBefore(approvedOn)) {
            throw new RuleViolation("评估日期不能早于批复日期。");
        }
        if (result == null || result.isBlank()) {
            throw new RuleViolation("请填写评估结果。");
        }
        this.evaluatedOn = on;
        this.evaluationResult = result.strip();
        this.status = AccidentStatus.EVALUATED;
    }

    /** 警示教育: a typical accident, shown with a summary written without personal data. */
    public void markTypical(String summary) {
        if (summary == null || summary.isBlank()) {
            throw new RuleViolation("请填写用于警示教育的事故简介（不含个人信息）。");
        }
        this.typical = true;
        this.publicSummary = summary.strip();
    }

    public void unmarkTypical() {
        this.typical = false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long id() { return id; }
    public long organizationId() { return organizationId; }
    public long enterpriseId() { return enterpriseId; }
    public String enterpriseName() { return enterpriseName; }
    public String industry() { return industry; }
    public String title() { return title; }
    public LocalDateTime occurredAt() { return occurredAt; }
    public LocalDateTime receivedAt() { return receivedAt; }
    public LocalDateTime forwardedAt() { return forwardedAt; }
    public String place() { return place; }
    public AccidentKind kind() { return kind; }
    public int deaths() { return deaths; }
    public int seriousInjuries() { return seriousInjuries; }
    public int missing() { return missing; }
    public BigDecimal directLossYuan() { return directLossYuan; }
    public AccidentGrade grade() { return grade; }
    public String summary() { return summary; }
    public AccidentStatus status() { return status; }
    public String investigationBody() { return investigationBody; }
    public LocalDate investigationStartedOn() { return investigationStartedOn; }
    public boolean investigationExtended() { return investigationExtended; }
    public String extensionReason() { return extensionReason; }
    public LocalDate reportReceivedOn() { return reportReceivedOn; }
    public String causes() { return causes; }
    public String unitResponsibility() { return unitResponsibility; }
    public boolean unitResponsible() { return unitResponsible; }
    public String principalName() { return principalName; }
    public BigDecimal principalIncomeYuan() { return principalIncomeYuan; }
    public String personResponsibility() { return personResponsibility; }
    public String recommendedPenalties() { return recommendedPenalties; }
    public boolean approvalExtended() { return approvalExtended; }
    public LocalDate approvedOn() { return approvedOn; }
    public String approvalText() { return approvalText; }
    public LocalDate evaluatedOn() { return evaluatedOn; }
    public String evaluationResult() { return evaluationResult; }
    public boolean typical() { return typical; }
    public String publicSummary() { return publicSummary; }
    public List<Report> reports() { return List.copyOf(reports); }
    public List<TeamMember> team() { return List.copyOf(team); }
    public List<Measure> measures() { return List.copyOf(measures); }
    public List<CaseLink> cases() { return List.copyOf(cases); }
    public Integer version() { return version; }
}
