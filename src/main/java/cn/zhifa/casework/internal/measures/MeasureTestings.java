package cn.zhifa.casework.internal.measures;

import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CoerciveMeasure;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.law.Deadline;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 检测/检验/检疫/技术鉴定 periods recorded on a case's 查封/扣押 measures and the measure terms they lengthen
 * ({@link MeasureTerm}); kept beside the case (table {@code coercive_measure_testing}), read by the deadlines.
 */
@Service
public class MeasureTestings {

    private final CaseManagement cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    MeasureTestings(CaseManagement cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a testing period on measure {@code number} of the case (in the caller's scope) after {@link MeasureTerm#mayRecord}. */
    @Transactional
    public TestingPeriod record(long caseId, TestingPeriod period) {
        PenaltyCase c = cases.get(caseId);
        jdbc.sql("SELECT id FROM penalty_case WHERE id = :id FOR UPDATE").param("id", caseId).query(Long.class).single();
        CoerciveMeasure m = c.measure(period.measureNumber())
                .orElseThrow(() -> new RuleViolation("本案没有第" + period.measureNumber() + "号查封、扣押措施。"));
        MeasureTerm.mayRecord(m, period, byMeasure(jdbc, caseId).getOrDefault(m.number(), List.of()), LocalDate.now(clock)).orThrow();
        jdbc.sql("""
                        INSERT INTO coercive_measure_testing (penalty_case, measure_number, kind, subject, from_on, to_on,
                                                              notice_number, notified_on, recorded_by, recorded_at)
                        VALUES (:case, :number, :kind, :subject, :from, :to, :notice, :notified, :by, :at)""")
                .param("case", caseId).param("number", m.number()).param("kind", period.kind().name())
                .param("subject", period.subject().strip()).param("from", period.from()).param("to", period.to())
                .param("notice", period.noticeNumber() == null || period.noticeNumber().isBlank() ? null : period.noticeNumber().strip())
                .param("notified", period.notifiedOn()).param("by", Actors.require().displayName())
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        return period;
    }

    /** The case's measures' testing periods (in the caller's scope), by measure number. */
    @Transactional(readOnly = true)
    public Map<Integer, List<TestingPeriod>> of(long caseId) {
        cases.get(caseId);
        return byMeasure(jdbc, caseId);
    }

    /** The same for a case the caller already holds (loaded in its scope through {@code CaseManagement.get}): the case page. */
    public Map<Integer, List<TestingPeriod>> of(PenaltyCase c) {
        return byMeasure(jdbc, c.getId());
    }

    /** The measure's term: law's period less its testing periods. */
    public Deadline due(CoerciveMeasure m, List<TestingPeriod> testing) {
        return MeasureTerm.due(cases.periods().measureDue(m.appliedOn(), m.extended()), testing);
    }

    /** Read without a scope check, for the deadline engine that already holds the case. */
    public static Map<Integer, List<TestingPeriod>> byMeasure(JdbcClient jdbc, long caseId) {
        Map<Integer, List<TestingPeriod>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT measure_number, kind, subject, from_on, to_on, notice_number, notified_on
                        FROM coercive_measure_testing WHERE penalty_case = :case ORDER BY measure_number, from_on""")
                .param("case", caseId)
                .query((rs, n) -> new TestingPeriod(rs.getInt("measure_number"), TestingKind.valueOf(rs.getString("kind")),
                        rs.getString("subject"), rs.getObject("from_on", LocalDate.class), rs.getObject("to_on", LocalDate.class),
                        rs.getString("notice_number"), rs.getObject("notified_on", LocalDate.class)))
                .list().forEach(t -> out.computeIfAbsent(t.measureNumber(), k -> new ArrayList<>()).add(t));
        return out;
    }
}
