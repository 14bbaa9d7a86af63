package cn.zhifa.township.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 专职安全员名册: the township's full-time safety staff (table {@code township_safety_staff}, the phone sealed at rest and
 * masked in lists and exports), their area (村/社区/园区), term and the trainings they attended. A LEADER (or the ADMIN)
 * whose scope holds the township keeps them; ending a term keeps the person on the register as 已离任.
 */
@Service
public class SafetyStaffRegister {

    static final String PHONE = "township_safety_staff.phone";
    private static final int EXPORT_CAP = 10_000;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final FieldCipher cipher;
    private final Clock clock;

    SafetyStaffRegister(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, FieldCipher cipher,
                        Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What the form sends to register or describe a person; {@code version} only when describing. */
    public record StaffForm(Long organizationId, String name, String phone, AreaKind areaKind, String areaName,
                            LocalDate termFrom, LocalDate termTo, Integer version) {

        public static StaffForm empty() {
            return new StaffForm(null, "", "", AreaKind.VILLAGE, "", null, null, null);
        }
    }

    public record TrainingForm(LocalDate trainedOn, String topic, BigDecimal hours) {
    }

    public record EndTerm(LocalDate endedOn, String reason, Integer version) {
    }

    /** null or blank means any. */
    public record Filter(Long unitId, StaffStatus status, String q) {
    }

    public record StaffView(long id, long organizationId, String townshipName, String name, String phone,
                            AreaKind areaKind, String areaName, LocalDate termFrom, LocalDate termTo, StaffStatus status,
                            LocalDate endedOn, String endReason, int version, long trainings, BigDecimal trainingHours,
                            LocalDate today) {

        public String maskedPhone() {
            return mask(phone);
        }

        /** 在岗, 任期已满 (the term ran out and nobody ended it) or 已离任. */
        public String statusLabel() {
            if (status == StaffStatus.ACTIVE && termTo != null && termTo.isBefore(today)) {
                return "任期已满";
            }
            return status.label();
        }

        public boolean active() {
            return status == StaffStatus.ACTIVE;
        }

        /** 2026年1月1日至2028年12月31日, or …起 when open-ended. */
        public String term() {
            return Dates.chinese(termFrom) + (termTo == null ? "起" : "至" + Dates.chinese(termTo));
        }

        /** The staff member may assist on the day: in post, within the term and not after leaving. */
        public boolean servesOn(LocalDate day) {
            LocalDate last = status == StaffStatus.ENDED ? endedOn : termTo;
            return !day.isBefore(termFrom) && (last == null || !day.isAfter(last));
        }

        public StaffForm toForm() {
            return new StaffForm(organizationId, name, phone, areaKind, areaName, termFrom, termTo, version);
        }
    }

    public record TrainingView(long id, LocalDate trainedOn, String topic, BigDecimal hours) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The townships in the caller's scope, in tree order: those a person may be registered in. */
    @Transactional(readOnly = true)
    public List<OrganizationView> townships() {
        return organizations.visibleTree().stream().filter(o -> o.kind() == OrganizationKind.TOWNSHIP).toList();
    }

    @Transactional(readOnly = true)
    public Page<StaffView> page(Filter filter, int page, int size) {
        Collection<Long> units = units(filter.unitId());
        if (units.isEmpty()) {
            return Page.empty(page, size);
        }
        Map<String, Object> params = params(units, filter);
        long total = jdbc.sql("SELECT count(*) FROM township_safety_staff s" + where(filter)).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return new Page<>(select(where(filter) + " ORDER BY s.organization_id, s.status, s.name, s.id LIMIT :limit OFFSET :offset",
                params), page, size, total);
    }

    /** Every row of the filter (up to 10,000), for the export. */
    @Transactional(readOnly = true)
    public List<StaffView> all(Filter filter) {
        return page(filter, 0, EXPORT_CAP).items();
    }

    @Transactional(readOnly = true)
    public StaffView get(long id) {
        StaffView staff = find(id);
        scope.require(staff.organizationId());
        return staff;
    }

    @Transactional(readOnly = true)
    public List<TrainingView> trainings(long staffId) {
        get(staffId);
        return jdbc.sql("SELECT id, trained_on, topic, hours FROM township_safety_staff_training WHERE staff_id = ? "
                        + "ORDER BY trained_on DESC, id DESC").param(staffId)
                .query((rs, i) -> new TrainingView(rs.getLong("id"), rs.getDate("trained_on").toLocalDate(),
                        rs.getString("topic"), rs.getBigDecimal("hours"))).list();
    }

    /** Registers a person; refused with the reasons (nothing written) when the form is not sound. */
    @Transactional
    public long register(StaffForm form) {
        return register(form, false);
    }

    @Transactional
    long register(StaffForm form, boolean demo) {
        OrganizationView township = township(form == null ? null : form.organizationId(), !demo);
        Clean clean = clean(form);
        long id = jdbc.sql("""
                        INSERT INTO township_safety_staff (organization_id, name, phone, area_kind, area_name, term_from,
                            term_to, demo, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(township.id(), clean.name(), cipher.seal(PHONE, clean.phone()), form.areaKind().name(),
                        clean.areaName(), form.termFrom(), form.termTo(), demo, clock.instant().atOffset(ZoneOffset.UTC),
                        Actors.current().map(a -> a.username()).orElse("演示数据"))
                .query(Long.class).single();
        Audit.target("专职安全员", id);
        Audit.detail(township.name() + " " + clean.name());
        return id;
    }

    /** Corrects a person's entry (optimistic: a concurrent change is refused, not overwritten). */
    @Transactional
    public void describe(long id, StaffForm form) {
        StaffView current = get(id);
        OrganizationView township = township(form == null ? null : form.organizationId(), true);
        Clean clean = clean(form);
        if (current.status() == StaffStatus.ENDED && form.termTo() != null && form.termTo().isBefore(current.endedOn())) {
            throw new RuleViolation("任期截止日期不能早于离任日期。");
        }
        int changed = jdbc.sql("""
                        UPDATE township_safety_staff SET organization_id = :org, name = :name, phone = :phone,
                            area_kind = :kind, area_name = :area, term_from = :from, term_to = :to, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("org", township.id()).param("name", clean.name()).param("phone", cipher.seal(PHONE, clean.phone()))
                .param("kind", form.areaKind().name()).param("area", clean.areaName()).param("from", form.termFrom())
                .param("to", form.termTo()).param("id", id).param("version", form.version() == null ? -1 : form.version())
                .update();
        if (changed == 0) {
            throw RuleViolation.conflict("这条专职安全员记录已被他人修改，请刷新后重新填写。");
        }
        Audit.target("专职安全员", id);
        Audit.detail(township.name() + " " + clean.name());
    }

    /** Records a training the person attended. */
    @Transactional
    public long addTraining(long staffId, TrainingForm form) {
        return addTraining(staffId, form, false);
    }

    @Transactional
    long addTraining(long staffId, TrainingForm form, boolean demo) {
        StaffView staff = demo ? find(staffId) : get(staffId);
        List<String> problems = new java.util.ArrayList<>();
        if (form == null || form.trainedOn() == null) {
            problems.add("请填写培训日期");
        } else if (form.trainedOn().isAfter(today())) {
            problems.add("培训日期不能晚于今天");
        }
        String topic = form == null ? null : trimmed(form.topic());
        if (topic == null) {
            problems.add("请填写培训内容");
        } else if (topic.length() > 200) {
            problems.add("培训内容不超过200字");
        }
        BigDecimal hours = form == null ? null : form.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("请填写培训学时（大于0，不超过100）");
        } else if (hours.stripTrailingZeros().scale() > 1) {
            problems.add("培训学时最多保留一位小数");
        }
        refuseIf(problems);
        long id = jdbc.sql("""
                        INSERT INTO township_safety_staff_training (staff_id, trained_on, topic, hours, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(staffId, form.trainedOn(), topic, hours, clock.instant().atOffset(ZoneOffset.UTC),
                        Actors.current().map(a -> a.username()).orElse("演示数据"))
                .query(Long.class).single();
        Audit.target("专职安全员", staffId);
        Audit.detail(staff.name() + " 培训：" + topic + " " + hours.stripTrailingZeros().toPlainString() + "学时");
        return id;
    }

    /** Ends the person's term (离任) on a day with the reason; the register keeps them. */
    @Transactional
    public void endTerm(long staffId, EndTerm command) {
        StaffView staff = get(staffId);
        if (staff.status() == StaffStatus.ENDED) {
            throw RuleViolation.conflict(staff.name() + "已于" + Dates.chinese(staff.endedOn()) + "离任。");
        }
        List<String> problems = new java.util.ArrayList<>();
        if (command == null || command.endedOn() == null) {
            problems.add("请填写离任日期");
        } else if (command.endedOn().isBefore(staff.termFrom())) {
            problems.add("离任日期不能早于任期起始日期");
        } else if (command.endedOn().isAfter(today())) {
            problems.add("离任日期不能晚于今天");
        }
        String reason = command == null ? null : trimmed(command.reason());
        if (reason == null) {
            problems.add("请填写离任原因");
        } else if (reason.length() > 500) {
            problems.add("离任原因不超过500字");
        }
        refuseIf(problems);
        int changed = jdbc.sql("""
                        UPDATE township_safety_staff SET status = 'ENDED', ended_on = :on, end_reason = :reason,
                            version = version + 1 WHERE id = :id AND version = :version AND status = 'ACTIVE'""")
                .param("on", command.endedOn()).param("reason", reason).param("id", staffId)
                .param("version", command.version() == null ? staff.version() : command.version()).update();
        if (changed == 0) {
            throw RuleViolation.conflict("这条专职安全员记录已被他人修改，请刷新后重新操作。");
        }
        Audit.target("专职安全员", staffId);
        Audit.detail(staff.name() + " 离任：" + reason);
    }

    /** The person, not scope-checked (the caller checks the township it belongs to). */
    StaffView find(long id) {
        return select(" WHERE s.id = :id", new LinkedHashMap<>(Map.of("id", id))).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("没有这名专职安全员。"));
    }

    private record Clean(String name, String phone, String areaName) {
    }

    private Clean clean(StaffForm form) {
        List<String> problems = new java.util.ArrayList<>();
        String name = trimmed(form.name());
        if (name == null) {
            problems.add("请填写姓名");
        } else if (name.length() > 30) {
            problems.add("姓名不超过30字");
        }
        String phone = form.phone() == null ? null : form.phone().replaceAll("\\s", "");
        if (phone == null || phone.isEmpty()) {
            problems.add("请填写联系电话");
        } else if (!phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
            problems.add("联系电话应为11位手机号码或带区号的固定电话");
        }
        if (form.areaKind() == null) {
            problems.add("请选择负责区域类别（村、社区或园区）");
        }
        String area = trimmed(form.areaName());
        if (area == null) {
            problems.add("请填写负责的村（社区、园区）名称");
        } else if (area.length() > 100) {
            problems.add("负责区域名称不超过100字");
        }
        if (form.termFrom() == null) {
            problems.add("请填写任期起始日期");
        } else if (form.termTo() != null && form.termTo().isBefore(form.termFrom())) {
            problems.add("任期截止日期不能早于起始日期");
        }
        refuseIf(problems);
        return new Clean(name, phone, area);
    }

    private OrganizationView township(Long organizationId, boolean inScope) {
        if (organizationId == null) {
            throw new RuleViolation("请选择街道（乡镇）。");
        }
        OrganizationView unit = organizations.find(organizationId).orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        if (inScope) {
            scope.require(unit.id());
        }
        if (unit.kind() != OrganizationKind.TOWNSHIP) {
            throw new RuleViolation("“" + unit.name() + "”不是街道（乡镇），专职安全员只能登记在街道（乡镇）。");
        }
        return unit;
    }

    private Collection<Long> units(Long unitId) {
        Set<Long> townships = townships().stream().map(OrganizationView::id).collect(Collectors.toSet());
        if (unitId == null) {
            return townships;
        }
        return townships.contains(unitId) ? List.of(unitId) : List.of();
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE s.organization_id IN (:orgs)");
        if (filter.status() != null) {
            where.append(" AND s.status = :status");
        }
        if (trimmed(filter.q()) != null) {
            where.append(" AND (s.name LIKE :like OR s.area_name LIKE :like)");
        }
        return where.toString();
    }

    private static Map<String, Object> params(Collection<Long> units, Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("orgs", List.copyOf(units));
        if (filter.status() != null) {
            params.put("status", filter.status().name());
        }
        if (trimmed(filter.q()) != null) {
            params.put("like", "%" + filter.q().strip().replace("%", "").replace("_", "") + "%");
        }
        return params;
    }

    private List<StaffView> select(String tail, Map<String, Object> params) {
        LocalDate today = today();
        return jdbc.sql("""
                        SELECT s.*,
                            (SELECT count(*) FROM township_safety_staff_training t WHERE t.staff_id = s.id) AS trainings,
                            (SELECT COALESCE(sum(t.hours), 0) FROM township_safety_staff_training t WHERE t.staff_id = s.id) AS hours
                        FROM township_safety_staff s""" + tail)
                .params(params).query((rs, i) -> view(rs, today)).list();
    }

    private StaffView view(ResultSet rs, LocalDate today) throws SQLException {
        java.sql.Date to = rs.getDate("term_to");
        java.sql.Date ended = rs.getDate("ended_on");
        long org = rs.getLong("organization_id");
        return new StaffView(rs.getLong("id"), org, unitName(org),
                rs.getString("name"), cipher.open(PHONE, rs.getString("phone")), AreaKind.valueOf(rs.getString("area_kind")),
                rs.getString("area_name"), rs.getDate("term_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                StaffStatus.valueOf(rs.getString("status")), ended == null ? null : ended.toLocalDate(),
                rs.getString("end_reason"), rs.getInt("version"), rs.getLong("trainings"),
                rs.getBigDecimal("hours").stripTrailingZeros(), today);
    }

    String unitName(long organizationId) {
        return organizations.find(organizationId).map(OrganizationView::name).orElse("");
    }

    /** 13812345678 → 138****5678; a landline keeps its first three and last four. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone == null ? "" : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static String trimmed(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    static void refuseIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(String.join("；", problems) + "。");
        }
    }
}
