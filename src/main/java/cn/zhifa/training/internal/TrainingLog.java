package cn.zhifa.training.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training plans and their sessions (期: topic, dates, hours, trainer, participants, so 人次 and 学时), and 练兵/比武
 * with results and team or individual awards, all of the caller's scope.
 */
@Service
public class TrainingLog {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final UserManagement users;

    TrainingLog(JdbcClient jdbc, DataScope scope, UserManagement users) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.users = users;
    }

    public record Plan(long id, int year, String title) {
    }

    public record Session(long id, Long planId, String planTitle, long organizationId, String topic, LocalDate startsOn,
                          LocalDate endsOn, BigDecimal hours, String trainer, List<String> participants) {
    }

    public record NewSession(Long planId, String topic, LocalDate startsOn, LocalDate endsOn, BigDecimal hours, String trainer,
                             List<Long> participantIds) {
    }

    public record Contest(long id, long organizationId, String kindLabel, String name, LocalDate heldOn, int teams,
                          int participants, String results, List<Award> awards) {
    }

    public record Award(boolean team, String winner, String prize) {
        public String label() {
            return (team ? "团体 " : "个人 ") + winner + " " + prize;
        }
    }

    public record NewContest(boolean contest, String name, LocalDate heldOn, Integer teams, Integer participants, String results,
                             String teamAwards, List<Long> awardedOfficers, String individualPrize) {
    }

    @Transactional(readOnly = true)
    public List<Plan> plans() {
        return jdbc.sql("SELECT id, plan_year, title FROM training_plan WHERE organization_id IN (:orgs) ORDER BY plan_year DESC, id")
                .param("orgs", scope.visibleOrganizationIds())
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    @Transactional
    public long addPlan(int year, String title) {
        if (title == null || title.isBlank() || title.strip().length() > 100) {
            throw new RuleViolation("请填写培训计划名称（不超过 100 字）。");
        }
        if (year < 2000 || year > 2100) {
            throw new RuleViolation("请填写计划年度。");
        }
        long id = jdbc.sql("INSERT INTO training_plan (organization_id, plan_year, title) VALUES (?, ?, ?) RETURNING id")
                .params(Actors.require().organizationId(), year, title.strip()).query(Long.class).single();
        Audit.target("培训计划", id);
        return id;
    }

    /** Sessions of the scope, newest first; {@code text} matches the topic or trainer, {@code year} the start. */
    @Transactional(readOnly = true)
    public List<Session> sessions(String text, Integer year) {
        return sessionsWhere("s.organization_id IN (:orgs) AND (:text = '' OR s.topic LIKE :like OR s.trainer LIKE :like) "
                        + "AND (:year = 0 OR EXTRACT(YEAR FROM s.starts_on) = :year)",
                new Object[][]{{"orgs", scope.visibleOrganizationIds()}, {"text", text == null ? "" : text.strip()},
                        {"like", "%" + (text == null ? "" : text.strip()) + "%"}, {"year", year == null ? 0 : year}});
    }

    List<Session> sessionsOf(long userId) {
        return sessionsWhere("s.id IN (SELECT session_id FROM training_participant WHERE user_id = :user)",
                new Object[][]{{"user", userId}});
    }

    private List<Session> sessionsWhere(String where, Object[][] params) {
        var spec = jdbc.sql("SELECT s.*, p.title AS plan_title, (SELECT string_agg(t.user_name, '、' ORDER BY t.user_name) "
                + "FROM training_participant t WHERE t.session_id = s.id) AS names FROM training_session s "
                + "LEFT JOIN training_plan p ON p.id = s.plan_id WHERE " + where + " ORDER BY s.starts_on DESC, s.id DESC");
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        return spec.query((rs, n) -> {
            String names = rs.getString("names");
            return new Session(rs.getLong("id"), (Long) rs.getObject("plan_id"), rs.getString("plan_title"), rs.getLong("organization_id"),
                    rs.getString("topic"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                    rs.getBigDecimal("hours"), rs.getString("trainer"), names == null ? List.of() : List.of(names.split("、")));
        }).list();
    }

    @Transactional
    public long addSession(NewSession form) {
        if (form.topic() == null || form.topic().isBlank() || form.topic().strip().length() > 100) {
            throw new RuleViolation("请填写培训主题（不超过 100 字）。");
        }
        if (form.startsOn() == null || form.endsOn() == null || form.endsOn().isBefore(form.startsOn())) {
            throw new RuleViolation("请填写培训起止日期（结束不早于开始）。");
        }
        if (form.hours() == null || form.hours().signum() <= 0 || form.hours().compareTo(new BigDecimal("1000")) >= 0) {
            throw new RuleViolation("学时应大于 0 且小于 1000。");
        }
        if (form.trainer() == null || form.trainer().isBlank() || form.trainer().strip().length() > 60) {
            throw new RuleViolation("请填写授课人（不超过 60 字）。");
        }
        List<Long> people = form.participantIds() == null ? List.of() : form.participantIds().stream().distinct().toList();
        if (people.isEmpty()) {
            throw new RuleViolation("请选择参训人员。");
        }
        scope.requireUsers(people);
        if (form.planId() != null && plans().stream().noneMatch(p -> p.id() == form.planId())) {
            throw RuleViolation.notFound("培训计划不存在。");
        }
        long id = insertSession(form, Actors.require().organizationId(), false);
        Audit.target("培训", id);
        return id;
    }

    long insertSession(NewSession form, long organizationId, boolean demo) {
        long id = jdbc.sql("INSERT INTO training_session (plan_id, organization_id, topic, starts_on, ends_on, hours, trainer, demo) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(form.planId(), organizationId, form.topic().strip(), Date.valueOf(form.startsOn()), Date.valueOf(form.endsOn()),
                        form.hours(), form.trainer().strip(), demo).query(Long.class).single();
        for (Long user : form.participantIds().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO training_participant (session_id, user_id, user_name) VALUES (?, ?, ?)")
                    .params(id, user, users.displayName(user)).update();
        }
        return id;
    }

    @Transactional(readOnly = true)
    public List<Contest> contests(Integer year) {
        return contestsWhere("c.organization_id IN (:orgs) AND (:year = 0 OR EXTRACT(YEAR FROM c.held_on) = :year)",
                new Object[][]{{"orgs", scope.visibleOrganizationIds()}, {"year", year == null ? 0 : year}});
    }

    List<Award> awardsOf(long userId) {
        return jdbc.sql("SELECT a.team, c.name || ' ' || a.winner, a.prize FROM training_award a JOIN training_contest c ON c.id = a.contest_id "
                        + "WHERE a.user_id = ? ORDER BY c.held_on DESC").param(userId)
                .query((rs, n) -> new Award(rs.getBoolean(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<Contest> contestsWhere(String where, Object[][] params) {
        var spec = jdbc.sql("SELECT c.* FROM training_contest c WHERE " + where + " ORDER BY c.held_on DESC, c.id DESC");
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        List<Contest> bare = spec.query((rs, n) -> new Contest(rs.getLong("id"), rs.getLong("organization_id"),
                "CONTEST".equals(rs.getString("kind")) ? "比武" : "练兵", rs.getString("name"), rs.getDate("held_on").toLocalDate(),
                rs.getInt("teams"), rs.getInt("participants"), rs.getString("results"), List.of())).list();
        List<Contest> out = new ArrayList<>();
        for (Contest c : bare) {
            List<Award> awards = jdbc.sql("SELECT team, winner, prize FROM training_award WHERE contest_id = ? ORDER BY team DESC, id")
                    .param(c.id()).query((rs, n) -> new Award(rs.getBoolean(1), rs.getString(2), rs.getString(3))).list();
            out.add(new Contest(c.id(), c.organizationId(), c.kindLabel(), c.name(), c.heldOn(), c.teams(), c.participants(),
                    c.results(), awards));
        }
        return out;
    }

    /**
     * Records a 练兵 or 比武; {@code teamAwards} one a line as "队名：奖项", the awarded officers (of the scope) all with
     * {@code individualPrize}.
     */
    @Transactional
    public long addContest(NewContest form) {
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 100) {
            throw new RuleViolation("请填写活动名称（不超过 100 字）。");
        }
        if (form.heldOn() == null) {
            throw new RuleViolation("请填写举办日期。");
        }
        if (form.teams() != null && form.teams() < 0 || form.participants() != null && form.participants() < 0) {
            throw new RuleViolation("参赛队伍和人数不能为负数。");
        }
        if (form.results() != null && form.results().length() > 1000) {
            throw new RuleViolation("成绩情况不超过 1000 字。");
        }
        List<String[]> teamAwards = new ArrayList<>();
        if (form.teamAwards() != null) {
            for (String line : form.teamAwards().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("[：:]", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank() || parts[0].length() > 100 || parts[1].length() > 40) {
                    throw new RuleViolation("团体奖项每行写作“队名：奖项”，如“东城区执法大队：团体三等奖”。");
                }
                teamAwards.add(new String[]{parts[0].strip(), parts[1].strip()});
            }
        }
        List<Long> officers = form.awardedOfficers() == null ? List.of() : form.awardedOfficers().stream().distinct().toList();
        if (!officers.isEmpty() && (form.individualPrize() == null || form.individualPrize().isBlank() || form.individualPrize().length() > 40)) {
            throw new RuleViolation("请填写个人奖项（如“优秀个人”）。");
        }
        scope.requireUsers(officers);
        long id = insertContest(form, teamAwards, officers, Actors.require().organizationId(), false);
        Audit.target("练兵比武", id);
        return id;
    }

    long insertContest(NewContest form, List<String[]> teamAwards, List<Long> officers, long organizationId, boolean demo) {
        long id = jdbc.sql("INSERT INTO training_contest (organization_id, kind, name, held_on, teams, participants, results, demo) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(organizationId, form.contest() ? "CONTEST" : "DRILL", form.name().strip(), Date.valueOf(form.heldOn()),
                        form.teams() == null ? 0 : form.teams(), form.participants() == null ? 0 : form.participants(),
                        form.results() == null || form.results().isBlank() ? null : form.results().strip(), demo)
                .query(Long.class).single();
        for (String[] award : teamAwards) {
            jdbc.sql("INSERT INTO training_award (contest_id, team, winner, prize) VALUES (?, TRUE, ?, ?)").params(id, award[0], award[1]).update();
        }
        for (Long officer : officers) {
            jdbc.sql("INSERT INTO training_award (contest_id, team, winner, user_id, prize) VALUES (?, FALSE, ?, ?, ?)")
                    .params(id, users.displayName(officer), officer, form.individualPrize().strip()).update();
        }
        return id;
    }

    /** 期, 人次 and 学时 (the sessions' hours) of sessions starting in the year over the units. */
    BigDecimal[] sessionFigures(int year, Collection<Long> orgs) {
        String where = " WHERE s.organization_id IN (:orgs) AND EXTRACT(YEAR FROM s.starts_on) = :year";
        BigDecimal[] sessions = jdbc.sql("SELECT count(*), COALESCE(SUM(s.hours), 0) FROM training_session s" + where)
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> new BigDecimal[]{rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
        long headcount = jdbc.sql("SELECT count(*) FROM training_participant t JOIN training_session s ON s.id = t.session_id" + where)
                .param("orgs", orgs).param("year", year).query(Long.class).single();
        return new BigDecimal[]{sessions[0], BigDecimal.valueOf(headcount), sessions[1]};
    }

    /** 练兵/比武 held, team awards and individual awards in the year over the units. */
    long[] contestFigures(int year, Collection<Long> orgs) {
        return jdbc.sql("SELECT count(DISTINCT c.id), COALESCE(SUM(CASE WHEN a.team THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN a.id IS NOT NULL AND NOT a.team THEN 1 ELSE 0 END), 0) FROM training_contest c "
                        + "LEFT JOIN training_award a ON a.contest_id = c.id WHERE c.organization_id IN (:orgs) AND EXTRACT(YEAR FROM c.held_on) = :year")
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }
}
