package cn.zhifa.accident;

import cn.zhifa.accident.internal.Accident;
import cn.zhifa.accident.internal.AccidentDeadlines;
import cn.zhifa.accident.internal.Accidents;
import cn.zhifa.casework.AccidentFacts;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.ProposedCase;
import cn.zhifa.law.AccidentAssessment;
import cn.zhifa.law.AccidentFines;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.law.FineRange;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accident module's service: 快报 and 续报 (graded by law's {@link AccidentGrading}), investigation, 批复 (proposing the
 * penalty cases through casework's {@link CaseManagement}, amounts suggested by {@link AccidentFines}), follow-up and
 * evaluation, lists, statistics and the 警示教育 list. Every id a command names is checked against the caller's scope.
 */
@Service
public class AccidentManagement {

    private final Accidents accidents;
    private final AccidentDeadlines deadlines;
    private final AccidentGrading grading;
    private final AccidentFines fines;
    private final CaseManagement cases;
    private final EnterpriseManagement enterprises;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccidentManagement(Accidents accidents, AccidentDeadlines deadlines, AccidentGrading grading, AccidentFines fines,
                       CaseManagement cases, EnterpriseManagement enterprises, OrganizationManagement organizations,
                       DataScope scope, JdbcClient jdbc, Clock clock) {
        this.accidents = accidents;
        this.deadlines = deadlines;
        this.grading = grading;
        this.fines = fines;
        this.cases = cases;
        this.enterprises = enterprises;
        this.organizations = organizations;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- commands

    @Schema(description = "事故续报：伤亡人数或直接经济损失的变化")
    public record FollowUp(@NotNull(message = "请填写续报时间") LocalDateTime reportedAt,
                           @Min(value = 0, message = "死亡人数不能为负数") int deaths,
                           @Min(value = 0, message = "重伤人数不能为负数") int seriousInjuries,
                           @Min(value = 0, message = "下落不明人数不能为负数") int missing,
                           @NotNull(message = "请填写直接经济损失") @DecimalMin(value = "0", message = "直接经济损失不能为负数") BigDecimal directLossYuan,
                           @Size(max = 2000, message = "续报说明不超过2000字") String note) {
    }

    @Schema(description = "事故调查组成员")
    public record Member(@NotNull(message = "请选择组内职务") TeamRole role,
                         @NotBlank(message = "请填写成员姓名") @Size(max = 60) String name,
                         @Size(max = 200) String unit) {
    }

    @Schema(description = "开始事故调查：调查组及开始日期（调查主体按事故等级确定）")
    public record StartInvestigation(@NotNull(message = "请填写调查开始日期") LocalDate startedOn,
                                     @NotNull(message = "请填写调查组成员") List<@Valid Member> team) {
    }

    @Schema(description = "延长调查期限（须经负责事故调查的人民政府批准，只能延长一次）")
    public record ExtendInvestigation(@NotBlank(message = "请填写延期理由和批准情况") @Size(max = 500) String reason) {
    }

    @Schema(description = "整改和防范措施")
    public record MeasureInput(@NotBlank(message = "请填写措施内容") @Size(max = 1000) String content,
                               @NotBlank(message = "请填写责任单位") @Size(max = 200) String responsibleUnit,
                               @NotNull(message = "请填写完成期限") LocalDate due) {
    }

    @Schema(description = "事故调查报告：原因、责任认定、处理建议、整改和防范措施")
    public record SubmitReport(@NotNull(message = "请填写收到调查报告的日期") LocalDate receivedOn,
                               @NotBlank(message = "请填写事故原因和性质") @Size(max = 8000) String causes,
                               @Size(max = 4000) String unitResponsibility,
                               @Schema(description = "事故发生单位是否负有责任（安全生产法第一百一十四条）") boolean unitResponsible,
                               @Size(max = 60) @Schema(description = "负有责任的主要负责人姓名（安全生产法第九十五条）") String principalName,
                               @DecimalMin(value = "0", message = "年收入不能为负数") @Schema(description = "主要负责人上一年年收入（元）") BigDecimal principalIncomeYuan,
                               @Size(max = 4000) String personResponsibility,
                               @Size(max = 4000) String recommendedPenalties,
                               @NotNull(message = "请填写整改和防范措施") List<@Valid MeasureInput> measures) {
    }

    @Schema(description = "批复事故调查报告")
    public record Approve(@NotNull(message = "请填写批复日期") LocalDate approvedOn,
                          @NotBlank(message = "请填写批复意见") @Size(max = 4000) String text) {
    }

    @Schema(description = "整改和防范措施落实情况评估（一年内）")
    public record Evaluate(@NotNull(message = "请填写评估日期") LocalDate evaluatedOn,
                           @NotBlank(message = "请填写评估结果") @Size(max = 4000) String result) {
    }

    /** 事故快报: graded, the firm checked against the caller's scope. */
    @Transactional
    public long report(NewAccident command) {
        EnterpriseSummary firm = enterprises.find(command.enterpriseId())
                .orElseThrow(() -> new RuleViolation("企业库中没有该事故发生单位。"));
        scope.require(firm.organizationId());
        var actor = Actors.require();
        AccidentGrade grade = grade(command.deaths(), command.seriousInjuries(), command.missing(), command.directLossYuan());
        if (command.receivedAt().isAfter(now().plusMinutes(5)) || command.occurredAt().isAfter(now().plusMinutes(5))) {
            throw new RuleViolation("事故发生时间和接报时间不能晚于当前时间。");
        }
        Accident a = Accident.report(actor.organizationId(), firm.id(), firm.name(),
                firm.industry() == null ? null : firm.industry().label(), command.title(), command.occurredAt(),
                command.receivedAt(), command.forwardedAt(), command.place(), command.kind(),
                new Accident.Figures(command.deaths(), command.seriousInjuries(), command.missing(), command.directLossYuan()),
                grade, command.summary(), actor.displayName());
        return accidents.save(a).id();
    }

    /** 续报: re-graded; flagged late after the period of 条例第十三条. */
    @Transactional
    public void followUp(long id, FollowUp command) {
        Accident a = load(id);
        AccidentGrade grade = grade(command.deaths(), command.seriousInjuries(), command.missing(), command.directLossYuan());
        boolean late = command.reportedAt().toLocalDate()
                .isAfter(deadlines.supplementDue(a.occurredAt().toLocalDate(), a.kind()).due());
        if (command.reportedAt().isAfter(now().plusMinutes(5))) {
            throw new RuleViolation("续报时间不能晚于当前时间。");
        }
        a.followUp(command.reportedAt(), new Accident.Figures(command.deaths(), command.seriousInjuries(), command.missing(),
                command.directLossYuan()), grade, late, command.note(), Actors.require().displayName());
        accidents.save(a);
    }

    @Transactional
    public void startInvestigation(long id, StartInvestigation command) {
        Accident a = load(id);
        List<Accident.TeamMember> team = command.team().stream()
                .map(m -> new Accident.TeamMember(m.role(), m.name().strip(), m.unit() == null ? null : m.unit().strip())).toList();
        a.startInvestigation(deadlines.investigationBody(a.grade()), command.startedOn(), team);
        accidents.save(a);
    }

    @Transactional
    public void extendInvestigation(long id, ExtendInvestigation command) {
        Accident a = load(id);
        a.extendInvestigation(command.reason());
        accidents.save(a);
    }

    @Transactional
    public void submitReport(long id, SubmitReport command) {
        Accident a = load(id);
        List<Accident.Measure> measures = command.measures().stream()
                .map(m -> new Accident.Measure(m.content().strip(), m.responsibleUnit().strip(), m.due(), null)).toList();
        a.submitReport(command.receivedOn(), new Accident.Findings(command.causes(), command.unitResponsibility(),
                command.unitResponsible(), command.principalName(), command.principalIncomeYuan(),
                command.personResponsibility(), command.recommendedPenalties()), measures);
        accidents.save(a);
    }

    @Transactional
    public void extendApproval(long id) {
        Accident a = load(id);
        a.extendApproval(deadlines.approvalExtendable(a.grade()));
        accidents.save(a);
    }

    /**
     * 批复: then the cases it calls for are proposed (kind 事故处罚, source 事故调查): the unit under 安全生产法第一百一十四条
     * and its principal under 第九十五条 together (一案双罚), or whichever the report holds responsible; each case is
     * linked to the accident and its amount suggested by the accident-fine rules. One transaction: a refused case
     * leaves the report unapproved.
     */
    @Transactional
    public List<Long> approve(long id, Approve command) {
        Accident a = load(id);
        a.approve(command.approvedOn(), command.text());
        String reference = a.title().length() > 100 ? a.title().substring(0, 100) : a.title();
        String facts = a.title() + "：" + a.summary() + "\n事故原因：" + a.causes()
                + (a.unitResponsibility() == null ? "" : "\n单位责任：" + a.unitResponsibility())
                + (a.personResponsibility() == null ? "" : "\n人员责任：" + a.personResponsibility())
                + "\n批复：" + a.approvalText();
        AccidentFacts accidentFacts = new AccidentFacts(a.deaths(), a.seriousInjuries(), a.directLossYuan());
        String gradeCode = String.valueOf(a.grade().ordinal() + 1);
        List<Long> proposed = new ArrayList<>();
        PartySnapshot principal = a.principalName() == null ? null
                : new PartySnapshot(PartyKind.PERSON, a.principalName(), null, null, null);
        if (a.unitResponsible()) {
            ProposedCase unitCase = new ProposedCase(CaseSource.ACCIDENT, reference, CaseKind.ACCIDENT, a.organizationId(),
                    a.enterpriseId(), new PartySnapshot(PartyKind.UNIT, a.enterpriseName(), null, null, null),
                    a.title() + "（事故责任单位）", facts, command.approvedOn(), "安全生产法第一百一十四条", "114-" + gradeCode,
                    accidentFacts, null);
            FineRange unitRange = fines.unitOn(a.grade(), a.deaths(), a.seriousInjuries(), a.directLossYuan(),
                    a.occurredAt().toLocalDate());
            if (principal != null) {
                List<Long> ids = cases.proposeDual(unitCase, principal, "95-" + gradeCode);
                a.linkCase(new Accident.CaseLink(ids.get(0), a.enterpriseName(), "安全生产法第一百一十四条", unitRange.explanation()));
                a.linkCase(new Accident.CaseLink(ids.get(1), "主要负责人" + a.principalName(), "安全生产法第九十五条",
                        principalSuggestion(a)));
                proposed.addAll(ids);
            } else {
                long caseId = cases.propose(unitCase);
                a.linkCase(new Accident.CaseLink(caseId, a.enterpriseName(), "安全生产法第一百一十四条", unitRange.explanation()));
                proposed.add(caseId);
            }
        } else if (principal != null) {
            long caseId = cases.propose(new ProposedCase(CaseSource.ACCIDENT, reference, CaseKind.ACCIDENT, a.organizationId(),
                    a.enterpriseId(), principal, a.title() + "（主要负责人）", facts, command.approvedOn(),
                    "安全生产法第九十五条", "95-" + gradeCode, accidentFacts, null));
            a.linkCase(new Accident.CaseLink(caseId, "主要负责人" + a.principalName(), "安全生产法第九十五条", principalSuggestion(a)));
            proposed.add(caseId);
        }
        accidents.save(a);
        return proposed;
    }

    private String principalSuggestion(Accident a) {
        if (a.principalIncomeYuan() == null) {
            return "按主要负责人上一年年收入的比例处以罚款（安全生产法第九十五条）；年收入待核实。";
        }
        return fines.principal(a.grade(), a.principalIncomeYuan()).explanation();
    }

    @Transactional
    public void completeMeasure(long id, int index, LocalDate doneOn) {
        Accident a = load(id);
        if (doneOn == null || doneOn.isAfter(today())) {
            throw new RuleViolation("请填写措施完成日期（不能晚于今天）。");
        }
        a.completeMeasure(index, doneOn);
        accidents.save(a);
    }

    @Transactional
    public void evaluate(long id, Evaluate command) {
        Accident a = load(id);
        if (command.evaluatedOn().isAfter(today())) {
            throw new RuleViolation("评估日期不能晚于今天。");
        }
        a.evaluate(command.evaluatedOn(), command.result());
        accidents.save(a);
    }

    @Transactional
    public void markTypical(long id, String publicSummary) {
        Accident a = load(id);
        a.markTypical(publicSummary);
        accidents.save(a);
    }

    @Transactional
    public void unmarkTypical(long id) {
        Accident a = load(id);
        a.unmarkTypical();
        accidents.save(a);
    }

    // ---- reads

    public AccidentView get(long id) {
        Accident a = load(id);
        AccidentAssessment assessment = grading.assess(gradedDeaths(a.deaths(), a.missing()), a.seriousInjuries(), a.directLossYuan());
        LocalDate today = today();
        List<AccidentView.ReportLine> reports = new ArrayList<>();
        for (Accident.Report r : a.reports()) {
            reports.add(new AccidentView.ReportLine(r.first() ? "快报" : "续报", r.reportedAt(), r.deaths(), r.seriousInjuries(),
                    r.missing(), r.directLossYuan(), r.grade().label(), r.late(), r.note(), r.reportedBy()));
        }
        List<AccidentView.MeasureLine> measures = new ArrayList<>();
        for (int i = 0; i < a.measures().size(); i++) {
            Accident.Measure m = a.measures().get(i);
            measures.add(new AccidentView.MeasureLine(i, m.content(), m.responsibleUnit(), m.due(), m.doneOn(),
                    m.doneOn() == null && today.isAfter(m.due())));
        }
        return new AccidentView(a.id(), a.title(), a.enterpriseId(), a.enterpriseName(), a.industry(),
                organizations.find(a.organizationId()).map(o -> o.name()).orElse(""), a.occurredAt(), a.receivedAt(),
                a.forwardedAt(), a.place(), a.kind(), a.kind().label(), a.deaths(), a.seriousInjuries(), a.missing(),
                a.directLossYuan(), a.grade(), a.grade().label(), assessment.explanation(), a.summary(), a.status(),
                a.status().label(), a.receivedAt().isAfter(deadlines.firstReportDue(a.occurredAt())),
                deadlines.supervisedBy(a.grade()), a.investigationBody(), a.investigationStartedOn(),
                a.investigationExtended(), a.extensionReason(), a.reportReceivedOn(), a.causes(), a.unitResponsibility(),
                a.unitResponsible(), a.principalName(), a.personResponsibility(), a.recommendedPenalties(),
                a.approvalExtended(), deadlines.approvalExtendable(a.grade()), a.approvedOn(), a.approvalText(),
                a.evaluatedOn(), a.evaluationResult(), a.typical(), a.publicSummary(), reports,
                a.team().stream().map(t -> new AccidentView.TeamLine(t.role(), t.role().label(), t.name(), t.unit())).toList(),
                measures,
                a.cases().stream().map(c -> new AccidentView.CaseLine(c.caseId(), c.party(), c.article(), c.suggestion())).toList(),
                deadlines.schedule(a, now()), a.version());
    }

    /** The accident a case was proposed for, if any (the case's side of the link). */
    public java.util.Optional<Long> accidentOfCase(long caseId) {
        return jdbc.sql("SELECT accident_id FROM accident_case WHERE case_id = :id").param("id", caseId).query(Long.class).optional();
    }

    public Page<AccidentRow> search(AccidentFilter filter, Integer page, Integer size) {
        int number = Page.number(page);
        int pageSize = Page.size(size);
        Set<Long> units = units(filter.unitId());
        if (units.isEmpty()) {
            return Page.empty(number, pageSize);
        }
        String where = where(filter);
        long total = params(jdbc.sql("SELECT count(*) FROM accident a WHERE " + where), filter, units).query(Long.class).single();
        List<AccidentRow> rows = params(jdbc.sql("""
                SELECT a.id, a.title, a.enterprise_name, o.name AS org, a.occurred_at, a.kind, a.grade, a.deaths,
                       a.serious_injuries, a.missing, a.direct_loss_yuan, a.status, a.typical
                FROM accident a JOIN organization o ON o.id = a.organization_id WHERE """ + " " + where
                + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit OFFSET :offset"), filter, units)
                .param("limit", pageSize).param("offset", (long) number * pageSize)
                .query((rs, n) -> row(rs)).list();
        return new Page<>(rows, number, pageSize, total);
    }

    public List<AccidentRow> all(AccidentFilter filter) {
        Set<Long> units = units(filter.unitId());
        if (units.isEmpty()) {
            return List.of();
        }
        return params(jdbc.sql("""
                SELECT a.id, a.title, a.enterprise_name, o.name AS org, a.occurred_at, a.kind, a.grade, a.deaths,
                       a.serious_injuries, a.missing, a.direct_loss_yuan, a.status, a.typical
                FROM accident a JOIN organization o ON o.id = a.organization_id WHERE """ + " " + where(filter)
                + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT 10000"), filter, units).query((rs, n) -> row(rs)).list();
    }

    private AccidentRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        AccidentKind kind = AccidentKind.valueOf(rs.getString("kind"));
        AccidentGrade grade = AccidentGrade.valueOf(rs.getString("grade"));
        AccidentStatus status = AccidentStatus.valueOf(rs.getString("status"));
        return new AccidentRow(rs.getLong("id"), rs.getString("title"), rs.getString("enterprise_name"), rs.getString("org"),
                rs.getObject("occurred_at", LocalDateTime.class), kind, kind.label(), grade, grade.label(),
                rs.getInt("deaths"), rs.getInt("serious_injuries"), rs.getInt("missing"), rs.getBigDecimal("direct_loss_yuan"),
                status, status.label(), deadlines.supervisedBy(grade) != null, rs.getBoolean("typical"));
    }

    private static String where(AccidentFilter f) {
        return "a.organization_id IN (:units)"
                + (f.grade() == null ? "" : " AND a.grade = :grade")
                + (f.status() == null ? "" : " AND a.status = :status")
                + (f.year() == null ? "" : " AND EXTRACT(YEAR FROM a.occurred_at) = :year")
                + (f.keyword() == null || f.keyword().isBlank() ? ""
                : " AND (a.enterprise_name LIKE :keyword OR a.title LIKE :keyword)");
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, AccidentFilter f, Set<Long> units) {
        spec = spec.param("units", units);
        if (f.grade() != null) {
            spec = spec.param("grade", f.grade().name());
        }
        if (f.status() != null) {
            spec = spec.param("status", f.status().name());
        }
        if (f.year() != null) {
            spec = spec.param("year", f.year());
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            spec = spec.param("keyword", "%" + f.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec;
    }

    private Set<Long> units(Long unitId) {
        Set<Long> visible = new java.util.HashSet<>(scope.visibleOrganizationIds());
        if (unitId != null) {
            visible.retainAll(scope.subtreeIds(unitId));
        }
        return visible;
    }

    /** A year's statistics over the caller's units. */
    public AccidentStatistics statistics(int year) {
        return statistics(year, scope.visibleOrganizationIds());
    }

    public AccidentStatistics statistics(int year, Collection<Long> units) {
        if (units.isEmpty()) {
            return new AccidentStatistics(year, 0, 0, List.of(), List.of(), List.of(), List.of());
        }
        List<AccidentStatistics.Bucket> byGrade = new ArrayList<>();
        Map<String, long[]> grades = new java.util.HashMap<>();
        group("a.grade", year, units).forEach(b -> grades.put(b.label(), new long[]{b.accidents(), b.deaths()}));
        for (AccidentGrade g : AccidentGrade.values()) {
            long[] v = grades.getOrDefault(g.name(), new long[2]);
            byGrade.add(new AccidentStatistics.Bucket(g.label(), v[0], v[1]));
        }
        List<AccidentStatistics.Bucket> byMonth = new ArrayList<>();
        Map<String, long[]> months = new java.util.HashMap<>();
        group("CAST(EXTRACT(MONTH FROM a.occurred_at) AS INT)::text", year, units)
                .forEach(b -> months.put(b.label(), new long[]{b.accidents(), b.deaths()}));
        for (int m = 1; m <= 12; m++) {
            long[] v = months.getOrDefault(String.valueOf(m), new long[2]);
            byMonth.add(new AccidentStatistics.Bucket(m + "月", v[0], v[1]));
        }
        List<AccidentStatistics.Bucket> byIndustry = group("COALESCE(a.industry, '其他')", year, units);
        List<AccidentStatistics.Bucket> byUnit = group("o.name", year, units);
        long count = byGrade.stream().mapToLong(AccidentStatistics.Bucket::accidents).sum();
        long deaths = byGrade.stream().mapToLong(AccidentStatistics.Bucket::deaths).sum();
        return new AccidentStatistics(year, count, deaths, byGrade, byIndustry, byMonth, byUnit);
    }

    private List<AccidentStatistics.Bucket> group(String expression, int year, Collection<Long> units) {
        return jdbc.sql("SELECT " + expression + " AS label, count(*) AS n, COALESCE(sum(a.deaths), 0) AS d "
                        + "FROM accident a JOIN organization o ON o.id = a.organization_id "
                        + "WHERE a.organization_id IN (:units) AND EXTRACT(YEAR FROM a.occurred_at) = :year "
                        + "GROUP BY 1 ORDER BY 2 DESC, 1")
                .param("units", units).param("year", year)
                .query((rs, n) -> new AccidentStatistics.Bucket(rs.getString("label"), rs.getLong("n"), rs.getLong("d"))).list();
    }

    /** The 警示教育 list: typical accidents in the caller's units, public summary only. */
    public Page<WarningCase> warnings(Integer page, Integer size) {
        int number = Page.number(page);
        int pageSize = Page.size(size);
        Set<Long> units = scope.visibleOrganizationIds();
        long total = jdbc.sql("SELECT count(*) FROM accident WHERE typical AND organization_id IN (:units)")
                .param("units", units).query(Long.class).single();
        List<WarningCase> items = jdbc.sql("""
                        SELECT id, title, occurred_at, kind, grade, industry, deaths, public_summary FROM accident
                        WHERE typical AND organization_id IN (:units) ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("units", units).param("limit", pageSize).param("offset", (long) number * pageSize)
                .query((rs, n) -> new WarningCase(rs.getLong("id"), rs.getString("title"),
                        rs.getObject("occurred_at", LocalDateTime.class).toLocalDate(),
                        AccidentKind.valueOf(rs.getString("kind")).label(), AccidentGrade.valueOf(rs.getString("grade")).label(),
                        rs.getString("industry"), rs.getInt("deaths"), rs.getString("public_summary"))).list();
        return new Page<>(items, number, pageSize, total);
    }

    /** Firms the caller may name in a 快报 (by name or USCC). */
    public List<EnterpriseSummary> firms(String keyword) {
        var query = new cn.zhifa.registry.EnterpriseQuery(keyword, null, null, null, null, null, null, null, null, null);
        return enterprises.search(query, 0, 20).items();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0);
    }

    /** The accident's grade; the missing are counted with the deaths where configured (快报 practice). */
    public AccidentGrade grade(int deaths, int seriousInjuries, int missing, BigDecimal directLossYuan) {
        try {
            return grading.grade(gradedDeaths(deaths, missing), seriousInjuries, directLossYuan);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolation("事故数据有误：" + (e.getMessage() == null ? "请填写直接经济损失" : e.getMessage()));
        }
    }

    private int gradedDeaths(int deaths, int missing) {
        return deaths + (deaths >= 0 && missing > 0 && deaths + missing > 0
                && deadlines.rules().grading().missingCountedAsDeaths() ? missing : 0);
    }

    private Accident load(long id) {
        Accident a = accidents.findById(id).orElseThrow(() -> RuleViolation.notFound("没有这起事故。"));
        scope.require(a.organizationId());
        return a;
    }
}
