package cn.zhifa.registry;

import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.audit.Audit;
import cn.zhifa.law.IdNumber;
import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 技术检查员 and 社会监督员: appointed by a unit of the user's scope for a term of at most the configured years
 * ({@link SupervisorTerms}, without an end date the full term), their contact details edited, the term corrected
 * or extended within that limit (续聘 is a new term after the current one), or ended early (解聘) with a reason.
 * Every command keeps a history entry and names the appointment as the audit target. The public list shows only
 * social supervisors serving today.
 */
@Service
public class SupervisorManagement {

    /** Personal data sealed at rest (issue 14). */
    static final String ID_NUMBER = "supervisor.id_number";
    static final String PHONE = "supervisor.phone";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final SupervisorTerms terms;
    private final Clock clock;
    private final FieldCipher cipher;

    SupervisorManagement(JdbcClient jdbc, DataScope scope, SupervisorTerms terms, Clock clock, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.scope = scope;
        this.terms = terms;
        this.clock = clock;
    }

    public SupervisorTerms terms() {
        return terms;
    }

    @Transactional
    public long appoint(Supervisor.SupervisorKind kind, String name, String idNumber, String employer, String phone,
                        Long organizationId, LocalDate termStart, LocalDate termEnd) {
        if (organizationId == null) {
            throw new RuleViolation("请选择所属单位。");
        }
        scope.require(organizationId);
        if (kind == null) {
            throw new RuleViolation("请选择人员类别。");
        }
        String cleanName = requireName(name);
        String id = idNumber(idNumber);
        String cleanPhone = phone(phone);
        LocalDate end = term(kind, termStart, termEnd);
        long created = jdbc.sql("INSERT INTO supervisor (kind, name, id_number, employer, phone, organization_id, term_start, term_end) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(kind.name(), cleanName, cipher.seal(ID_NUMBER, id), employer(employer), cipher.seal(PHONE, cleanPhone), organizationId,
                        Date.valueOf(termStart), Date.valueOf(end)).query(Long.class).single();
        Audit.target(kind.label(), created);
        happened(created, "聘任", "任期 " + termStart + " 至 " + end);
        return created;
    }

    /** Corrects the name, employer and phone (the ID number is fixed once entered, or added when missing). */
    @Transactional
    public void edit(long supervisorId, String name, String idNumber, String employer, String phone) {
        Supervisor current = target(supervisorId);
        String cleanName = requireName(name);
        String cleanPhone = phone(phone);
        String cleanEmployer = employer(employer);
        String id = idNumber == null || idNumber.isBlank() ? null : idNumber(idNumber);
        StringBuilder changed = new StringBuilder();
        note(changed, "姓名", current.name(), cleanName);
        note(changed, "工作单位", current.employer(), cleanEmployer);
        note(changed, "电话", current.maskedPhone(), masked(cleanPhone));
        if (id != null) {
            changed.append(changed.isEmpty() ? "" : "；").append("身份证号已更新");
        }
        if (changed.isEmpty()) {
            throw new RuleViolation("没有需要保存的修改。");
        }
        jdbc.sql("UPDATE supervisor SET name = ?, employer = ?, phone = ?, id_number = COALESCE(?, id_number) WHERE id = ?")
                .params(cleanName, cleanEmployer, cipher.seal(PHONE, cleanPhone), cipher.seal(ID_NUMBER, id), supervisorId).update();
        happened(supervisorId, "修改信息", changed.toString());
    }

    /** Sets the term (correction, or 续聘 for a new term); it may run at most the configured years. */
    @Transactional
    public void changeTerm(long supervisorId, LocalDate termStart, LocalDate termEnd, String reason) {
        Supervisor current = target(supervisorId);
        if (current.ended()) {
            throw new RuleViolation("已解聘的人员不能调整任期，请重新聘任。");
        }
        LocalDate end = term(current.kind(), termStart, termEnd);
        String why = reason(reason, "调整任期");
        if (termStart.equals(current.termStart()) && end.equals(current.termEnd())) {
            throw new RuleViolation("任期没有变化。");
        }
        jdbc.sql("UPDATE supervisor SET term_start = ?, term_end = ? WHERE id = ?")
                .params(Date.valueOf(termStart), Date.valueOf(end), supervisorId).update();
        happened(supervisorId, "调整任期", current.termStart() + " 至 " + current.termEnd() + " → " + termStart + " 至 " + end + "：" + why);
    }

    /** 解聘: stops serving on {@code endedOn} (within the term, not after today). */
    @Transactional
    public void end(long supervisorId, LocalDate endedOn, String reason) {
        Supervisor current = target(supervisorId);
        if (current.ended()) {
            throw new RuleViolation("该人员已于 " + current.endedOn() + " 解聘。");
        }
        if (endedOn == null) {
            throw new RuleViolation("请填写解聘日期。");
        }
        if (endedOn.isBefore(current.termStart()) || endedOn.isAfter(current.termEnd()) || endedOn.isAfter(today())) {
            throw new RuleViolation("解聘日期应在任期 " + current.termStart() + " 至 " + current.termEnd() + " 之内，且不晚于今天。");
        }
        String why = reason(reason, "解聘");
        jdbc.sql("UPDATE supervisor SET ended_on = ?, end_reason = ? WHERE id = ?")
                .params(Date.valueOf(endedOn), why, supervisorId).update();
        happened(supervisorId, "解聘", endedOn + " 起不再任职：" + why);
    }

    @Transactional(readOnly = true)
    public Supervisor supervisor(long supervisorId) {
        Supervisor found = jdbc.sql("SELECT * FROM supervisor WHERE id = ?").param(supervisorId)
                .query((rs, n) -> supervisor(rs)).optional()
                .orElseThrow(() -> RuleViolation.notFound("检查员或监督员不存在。"));
        scope.require(found.organizationId());
        return found;
    }

    @Transactional(readOnly = true)
    public List<Supervisor.Event> history(long supervisorId) {
        supervisor(supervisorId);
        return jdbc.sql("SELECT kind, occurred_on, detail, changed_by FROM supervisor_event WHERE supervisor_id = ? ORDER BY id DESC")
                .param(supervisorId)
                .query((rs, n) -> new Supervisor.Event(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Supervisors and inspectors of the user's scope (serving first within a kind). */
    @Transactional(readOnly = true)
    public List<Supervisor> supervisors() {
        var orgs = scope.visibleOrganizationIds();
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM supervisor WHERE organization_id IN (:orgs) "
                        + "ORDER BY kind, (ended_on IS NULL AND term_end >= :today) DESC, term_end DESC, name")
                .param("orgs", orgs).param("today", Date.valueOf(today())).query((rs, n) -> supervisor(rs)).list();
    }

    /** The public list: social supervisors serving today (not before their term, not after it, not dismissed). */
    @Transactional(readOnly = true)
    public List<Supervisor> publicSocialSupervisors() {
        return jdbc.sql("SELECT * FROM supervisor WHERE kind = 'SOCIAL' AND term_start <= :today AND term_end >= :today "
                        + "AND (ended_on IS NULL OR ended_on > :today) ORDER BY organization_id, name")
                .param("today", Date.valueOf(today())).query((rs, n) -> supervisor(rs)).list();
    }

    private Supervisor target(long supervisorId) {
        Supervisor found = supervisor(supervisorId);
        Audit.target(found.kind().label(), supervisorId);
        return found;
    }

    private LocalDate term(Supervisor.SupervisorKind kind, LocalDate termStart, LocalDate termEnd) {
        if (termStart == null) {
            throw new RuleViolation("请填写任期开始日期。");
        }
        SupervisorTerms.Term term = terms.of(kind);
        LocalDate longest = term.lastDayFrom(termStart);
        LocalDate end = termEnd == null ? longest : termEnd;
        if (!end.isAfter(termStart)) {
            throw new RuleViolation("任期结束日期必须晚于开始日期。");
        }
        if (end.isAfter(longest)) {
            throw new RuleViolation(kind.label() + "每届任期不超过 " + term.years() + " 年（" + term.source() + "），本届最晚至 "
                    + longest + "。");
        }
        return end;
    }

    private void happened(long supervisorId, String kind, String detail) {
        String cut = detail.length() > 300 ? detail.substring(0, 300) : detail;
        jdbc.sql("INSERT INTO supervisor_event (supervisor_id, kind, occurred_on, detail, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(supervisorId, kind, Date.valueOf(today()), cut, Actors.current().map(a -> a.username()).orElse("system"),
                        Timestamp.from(clock.instant())).update();
        Audit.detail(kind + "：" + (cut.length() > 200 ? cut.substring(0, 200) : cut));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 30) {
            throw new RuleViolation("请填写姓名（不超过 30 个字）。");
        }
        return name.strip();
    }

    private static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        var check = IdNumber.parse(idNumber.strip().toUpperCase());
        if (!check.valid()) {
            throw new RuleViolation("身份证号码有误：" + check.reason() + "。");
        }
        return check.value().value();
    }

    private static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (!phone.strip().matches("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$")) {
            throw new RuleViolation("联系电话格式不正确（手机 11 位，或带区号的固定电话）。");
        }
        return phone.strip();
    }

    private static String employer(String employer) {
        if (employer != null && employer.strip().length() > 100) {
            throw new RuleViolation("工作单位不能超过 100 个字。");
        }
        return employer == null || employer.isBlank() ? null : employer.strip();
    }

    private static String reason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(action + "须填写原因。");
        }
        if (reason.strip().length() > 200) {
            throw new RuleViolation(action + "原因不能超过 200 个字。");
        }
        return reason.strip();
    }

    private static void note(StringBuilder changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.append(changes.isEmpty() ? "" : "；").append(field).append("：").append(before == null ? "—" : before)
                    .append(" → ").append(after == null ? "—" : after);
        }
    }

    private static String masked(String phone) {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Supervisor supervisor(java.sql.ResultSet rs) throws java.sql.SQLException {
        String idNumber = cipher.open(ID_NUMBER, rs.getString("id_number"));
        Date ended = rs.getDate("ended_on");
        return new Supervisor(rs.getLong("id"), Supervisor.SupervisorKind.valueOf(rs.getString("kind")), rs.getString("name"),
                idNumber == null ? null : new IdNumber(idNumber).masked(), rs.getString("employer"), cipher.open(PHONE, rs.getString("phone")),
                rs.getLong("organization_id"), rs.getDate("term_start").toLocalDate(), rs.getDate("term_end").toLocalDate(),
                ended == null ? null : ended.toLocalDate(), rs.getString("end_reason"));
    }
}
