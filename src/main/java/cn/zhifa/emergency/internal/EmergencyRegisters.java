package cn.zhifa.emergency.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceView;
import cn.zhifa.evidence.Upload;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency registers' rows (tables of {@link Register}): search within the caller's data scope, read one, save a
 * form (validated field by field, every id it names checked against the scope, phones sealed), and attach a plan's
 * 应急处置卡 through the evidence module.
 */
@Service
public class EmergencyRegisters {

    /** List filters; null or blank means any. {@code unitId} includes the unit's subunits. */
    public record Filter(String keyword, Long unitId, String choice, String status) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}|\\d{7,8}");
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final int EXPORT_CAP = 10_000;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final EvidenceManagement evidence;
    private final FieldCipher cipher;
    private final EmergencyRules rules;
    private final Clock clock;

    EmergencyRegisters(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations,
                       EnterpriseManagement enterprises, EvidenceManagement evidence, FieldCipher cipher,
                       EmergencyRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.evidence = evidence;
        this.cipher = cipher;
        this.rules = rules;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public EmergencyRules rules() {
        return rules;
    }

    public List<OrganizationView> units() {
        return organizations.visibleTree();
    }

    /** The rows of the caller's scope matching the filter, newest first (policies by their end, drills by date). */
    @Transactional(readOnly = true)
    public Page<Entry> search(Register register, Filter filter, int page, int size) {
        Collection<Long> orgs = filter.unitId() == null ? scope.visibleOrganizationIds() : visibleSubtree(filter.unitId());
        if (orgs.isEmpty()) {
            return Page.empty(page, size);
        }
        StringBuilder where = new StringBuilder(" WHERE t.organization_id IN (:orgs)");
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", orgs);
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            where.append(" AND (t.").append(register.nameColumn()).append(" ILIKE :kw");
            switch (register) {
                case INSURANCE -> where.append(" OR t.policy_number ILIKE :kw OR t.insurer ILIKE :kw");
                case INFORMANTS -> where.append(" OR t.area ILIKE :kw");
                case MATERIALS -> where.append(" OR t.location ILIKE :kw");
                case PLANS -> where.append(" OR t.lead_department ILIKE :kw");
                default -> { }
            }
            where.append(")");
            params.put("kw", "%" + filter.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        register.filterField().filter(f -> filter.choice() != null && f.options().contains(filter.choice())).ifPresent(f -> {
            where.append(" AND t.").append(f.name()).append(" = :choice");
            params.put("choice", filter.choice());
        });
        statusCondition(register, filter.status(), where, params);
        long total = jdbc.sql("SELECT count(*) FROM " + register.table() + " t" + where).params(params).query(Long.class).single();
        List<Entry> items = jdbc.sql(select(register) + where + " ORDER BY " + order(register) + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> map(register, rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** Every row of the filter (at most 10,000), for the Excel export. */
    @Transactional(readOnly = true)
    public List<Entry> all(Register register, Filter filter) {
        return search(register, filter, 0, EXPORT_CAP).items();
    }

    @Transactional(readOnly = true)
    public Entry get(Register register, long id) {
        Entry entry = jdbc.sql(select(register) + " WHERE t.id = :id").param("id", id).query((rs, n) -> map(register, rs))
                .optional().orElseThrow(() -> RuleViolation.notFound("没有这条" + register.noun() + "记录。"));
        scope.require(entry.organizationId());
        return entry;
    }

    /** The plans of the caller's scope, for the drill form: id → name. */
    @Transactional(readOnly = true)
    public Map<Long, String> planChoices() {
        Map<Long, String> plans = new LinkedHashMap<>();
        Set<Long> orgs = scope.visibleOrganizationIds();
        if (!orgs.isEmpty()) {
            jdbc.sql("SELECT id, name FROM emergency_plan WHERE organization_id IN (:orgs) ORDER BY name, id")
                    .param("orgs", orgs).query((rs, n) -> plans.put(rs.getLong(1), rs.getString(2))).list();
        }
        return plans;
    }

    /**
     * Saves a form: a new row when {@code id} is null, else the row at {@code version}. Names of fields are the
     * columns; {@code unit_id} the unit (not for a policy, which belongs to its firm's unit).
     *
     * @throws InvalidEntry with a Chinese message per field, nothing written
     */
    @Transactional
    public long save(Register register, Long id, Map<String, String> form, int version) {
        Entry existing = id == null ? null : get(register, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Long org = existing == null ? null : existing.organizationId();
        if (register.unitChosen()) {
            org = unit(form.get("unit_id"), errors);
        }
        for (Field field : register.fields()) {
            Object value = parse(field, trimmed(form.get(field.name())), errors);
            if (field.type() == Field.Type.FIRM && value instanceof EnterpriseSummary firm) {
                scope.requireFirm(firm.id(), firm.organizationId());
                org = firm.organizationId();
                values.put("enterprise_id", firm.id());
                values.put("enterprise_name", firm.name());
            } else {
                values.put(field.name(), value);
            }
        }
        crossChecks(register, id, values, errors);
        if (!errors.isEmpty()) {
            throw new InvalidEntry(errors);
        }
        long saved = existing == null ? insert(register, org, values, false) : update(register, id, org, values, version);
        Audit.target(register.title(), saved);
        return saved;
    }

    /** Stores a photo or scan of the plan's 应急处置卡 in the evidence store and links it to the plan (the newest counts). */
    @Transactional
    public EvidenceView attachCard(long planId, Upload upload) {
        get(Register.PLANS, planId);
        EvidenceView stored = evidence.store(upload);
        evidence.attach(List.of(stored.id()), "emergency_plan", planId);
        jdbc.sql("UPDATE emergency_plan SET card_evidence_id = :e, version = version + 1 WHERE id = :id")
                .param("e", stored.id()).param("id", planId).update();
        Audit.target(Register.PLANS.title(), planId);
        Audit.detail("应急处置卡");
        return stored;
    }

    /** Inserts a row of valid values (phones still clear: sealed here); the demo loader writes through this too. */
    long insert(Register register, long org, Map<String, Object> values, boolean demo) {
        Map<String, Object> row = sealed(register, values);
        List<String> columns = new ArrayList<>(row.keySet());
        String sql = "INSERT INTO " + register.table() + " (organization_id, created_by, demo, " + String.join(", ", columns)
                + ") VALUES (:org, :by, :demo, " + String.join(", ", columns.stream().map(c -> ":" + c).toList())
                + ") RETURNING id";
        var statement = jdbc.sql(sql).param("org", org).param("by", Actors.current().map(a -> a.userId()).orElse(null))
                .param("demo", demo);
        for (String column : columns) {
            statement = statement.param(column, row.get(column));
        }
        return statement.query(Long.class).single();
    }

    private long update(Register register, long id, long org, Map<String, Object> values, int version) {
        Map<String, Object> row = sealed(register, values);
        List<String> columns = new ArrayList<>(row.keySet());
        String sql = "UPDATE " + register.table() + " SET organization_id = :org, version = version + 1, "
                + String.join(", ", columns.stream().map(c -> c + " = :" + c).toList())
                + " WHERE id = :id AND version = :version";
        var statement = jdbc.sql(sql).param("org", org).param("id", id).param("version", version);
        for (String column : columns) {
            statement = statement.param(column, row.get(column));
        }
        if (statement.update() == 0) {
            throw RuleViolation.conflict("这条" + register.noun() + "记录已被他人修改，请刷新后重新填写。");
        }
        return id;
    }

    private Map<String, Object> sealed(Register register, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>(values);
        register.fields().stream().filter(f -> f.type() == Field.Type.PHONE).forEach(f ->
                row.put(f.name(), cipher.seal(register.table() + "." + f.name(), (String) row.get(f.name()))));
        return row;
    }

    private Long unit(String raw, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            errors.put("unit_id", "请选择所属单位。");
            return null;
        }
        long unit;
        try {
            unit = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            errors.put("unit_id", "请选择所属单位。");
            return null;
        }
        if (organizations.find(unit).isEmpty()) {
            errors.put("unit_id", "所选单位不存在。");
            return null;
        }
        scope.require(unit);
        return unit;
    }

    private Object parse(Field field, String raw, Map<String, String> errors) {
        if (raw == null) {
            if (field.required()) {
                errors.put(field.name(), (field.type() == Field.Type.CHOICE ? "请选择" : "请填写") + field.label() + "。");
            }
            return null;
        }
        if (raw.length() > field.maxLength() && field.type() != Field.Type.PLAN) {
            errors.put(field.name(), field.label() + "不超过" + field.maxLength() + "字。");
            return null;
        }
        switch (field.type()) {
            case TEXT, AREA -> {
                return raw;
            }
            case CHOICE -> {
                if (!field.options().contains(raw)) {
                    errors.put(field.name(), "请选择" + field.label() + "。");
                }
                return raw;
            }
            case DATE -> {
                try {
                    LocalDate date = LocalDate.parse(raw);
                    if (date.getYear() < 1949 || date.getYear() > 2100) {
                        errors.put(field.name(), field.label() + "超出合理范围。");
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    errors.put(field.name(), field.label() + "格式不正确。");
                    return null;
                }
            }
            case COUNT -> {
                try {
                    int n = Integer.parseInt(raw);
                    if (n < 1 || n > 1_000_000) {
                        throw new NumberFormatException();
                    }
                    return n;
                } catch (NumberFormatException e) {
                    errors.put(field.name(), field.label() + "应为 1 至 1000000 的整数。");
                    return null;
                }
            }
            case AMOUNT -> {
                try {
                    BigDecimal n = new BigDecimal(raw);
                    if (n.signum() < 0 || n.scale() > 2 || n.compareTo(new BigDecimal("999999999999")) > 0) {
                        throw new NumberFormatException();
                    }
                    return n;
                } catch (NumberFormatException e) {
                    errors.put(field.name(), field.label() + "应为不小于 0、至多两位小数的数字。");
                    return null;
                }
            }
            case PHONE -> {
                String digits = raw.replace(" ", "");
                if (!PHONE.matcher(digits).matches()) {
                    errors.put(field.name(), field.label() + "应为11位手机号或带区号的固定电话。");
                }
                return digits;
            }
            case PLAN -> {
                long planId;
                try {
                    planId = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    errors.put(field.name(), "请从列表中选择" + field.label() + "。");
                    return null;
                }
                Long planOrg = jdbc.sql("SELECT organization_id FROM emergency_plan WHERE id = :id").param("id", planId)
                        .query(Long.class).optional().orElse(null);
                if (planOrg == null) {
                    errors.put(field.name(), "所选预案不存在。");
                    return null;
                }
                scope.require(planOrg);
                return planId;
            }
            case FIRM -> {
                String code = raw.toUpperCase();
                if (!USCC.matcher(code).matches()) {
                    errors.put(field.name(), "统一社会信用代码应为18位。");
                    return null;
                }
                return enterprises.findByUscc(code).orElseGet(() -> {
                    errors.put(field.name(), "企业库中没有统一社会信用代码为 " + code + " 的企业。");
                    return null;
                });
            }
        }
        return null;
    }

    private void crossChecks(Register register, Long id, Map<String, Object> values, Map<String, String> errors) {
        LocalDate today = today();
        for (String past : List.of("approved_on", "last_revised_on", "last_evaluated_on", "drilled_on", "trained_on")) {
            if (values.get(past) instanceof LocalDate date && date.isAfter(today) && !errors.containsKey(past)) {
                errors.put(past, register.field(past).map(Field::label).orElse("日期") + "不能晚于今天。");
            }
        }
        if (register == Register.INSURANCE) {
            if (values.get("starts_on") instanceof LocalDate from && values.get("ends_on") instanceof LocalDate to
                    && to.isBefore(from)) {
                errors.put("ends_on", "保险期间止不能早于保险期间起。");
            }
            if (values.get("amount") instanceof BigDecimal amount && amount.signum() == 0) {
                errors.put("amount", "保险金额应大于 0。");
            }
            if (values.get("insurer") != null && values.get("policy_number") != null
                    && jdbc.sql("SELECT count(*) FROM liability_policy WHERE insurer = :i AND policy_number = :n AND id <> :id")
                    .param("i", values.get("insurer")).param("n", values.get("policy_number")).param("id", id == null ? -1 : id)
                    .query(Long.class).single() > 0) {
                errors.put("policy_number", "该承保机构的这个保单号已经登记过。");
            }
        }
    }

    private void statusCondition(Register register, String status, StringBuilder where, Map<String, Object> params) {
        if (status == null || status.isBlank()) {
            return;
        }
        LocalDate today = today();
        if (register == Register.PLANS) {
            String base = "GREATEST(t.last_evaluated_on, t.last_revised_on, t.approved_on)";
            if (status.equals("overdue")) {
                where.append(" AND ").append(base).append(" < :cutoff");
                params.put("cutoff", today.minusYears(rules.planPeriodYears()));
            } else if (status.equals("due")) {
                where.append(" AND ").append(base).append(" >= :cutoff AND ").append(base).append(" <= :soon");
                params.put("cutoff", today.minusYears(rules.planPeriodYears()));
                params.put("soon", today.plusDays(rules.planDueSoonDays()).minusYears(rules.planPeriodYears()));
            }
        } else if (register == Register.INSURANCE) {
            if (status.equals("expired")) {
                where.append(" AND t.ends_on < :today");
                params.put("today", today);
            } else if (status.equals("due")) {
                where.append(" AND t.ends_on BETWEEN :today AND :soon");
                params.put("today", today);
                params.put("soon", today.plusDays(rules.insuranceDueSoonDays()));
            }
        }
    }

    private static String select(Register register) {
        return register == Register.DRILLS
                ? "SELECT t.*, p.name AS plan_name FROM emergency_drill t LEFT JOIN emergency_plan p ON p.id = t.plan_id"
                : "SELECT t.* FROM " + register.table() + " t";
    }

    private static String order(Register register) {
        return switch (register) {
            case DRILLS -> "t.drilled_on DESC, t.id DESC";
            case INSURANCE -> "t.ends_on, t.id";
            default -> "t.id DESC";
        };
    }

    private Entry map(Register register, ResultSet rs) throws SQLException {
        long org = rs.getLong("organization_id");
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> listed = new LinkedHashMap<>();
        for (Field field : register.fields()) {
            String column = field.name();
            Object value;
            String text;
            switch (field.type()) {
                case DATE -> {
                    LocalDate date = rs.getObject(column, LocalDate.class);
                    value = date;
                    text = date == null ? "" : date.toString();
                }
                case COUNT -> {
                    Integer n = rs.getObject(column, Integer.class);
                    value = n;
                    text = n == null ? "" : n.toString();
                }
                case AMOUNT -> {
                    BigDecimal n = rs.getBigDecimal(column);
                    value = n;
                    text = n == null ? "" : n.stripTrailingZeros().toPlainString();
                }
                case PHONE -> {
                    String phone = cipher.open(register.table() + "." + column, rs.getString(column));
                    value = phone;
                    text = phone == null ? "" : phone;
                }
                case PLAN -> {
                    Long plan = rs.getObject(column, Long.class);
                    value = plan;
                    text = plan == null ? "" : rs.getString("plan_name");
                }
                case FIRM -> {
                    value = rs.getLong("enterprise_id");
                    text = rs.getString("enterprise_name");
                }
                default -> {
                    value = rs.getString(column);
                    text = value == null ? "" : (String) value;
                }
            }
            values.put(column, value);
            shown.put(column, text);
            listed.put(column, field.type() == Field.Type.PHONE ? mask(text) : text);
        }
        String status = null;
        String tone = null;
        if (register == Register.PLANS) {
            PlanEvaluation evaluation = PlanEvaluation.of((LocalDate) values.get("approved_on"),
                    (LocalDate) values.get("last_revised_on"), (LocalDate) values.get("last_evaluated_on"), today(),
                    rules.planPeriodYears(), rules.planDueSoonDays());
            status = evaluation.label();
            tone = evaluation.state().tone();
        } else if (register == Register.INSURANCE) {
            LocalDate ends = (LocalDate) values.get("ends_on");
            LocalDate starts = (LocalDate) values.get("starts_on");
            LocalDate today = today();
            status = ends.isBefore(today) ? "已到期" : starts.isAfter(today) ? "尚未生效"
                    : ends.isAfter(today.plusDays(rules.insuranceDueSoonDays())) ? "保障中" : "即将到期";
            tone = ends.isBefore(today) ? "secondary" : starts.isAfter(today) ? "info"
                    : ends.isAfter(today.plusDays(rules.insuranceDueSoonDays())) ? "success" : "warning";
        }
        Long card = register == Register.PLANS ? rs.getObject("card_evidence_id", Long.class) : null;
        String name = register == Register.INSURANCE ? shown.get("enterprise_id") + " · " + shown.get("policy_number")
                : shown.get(register.nameColumn());
        return new Entry(rs.getLong("id"), org, organizations.find(org).map(OrganizationView::name).orElse(""),
                rs.getInt("version"), name, values, shown, listed, status, tone, card);
    }

    /** 13812345678 → 138****5678; a landline keeps its area code and last four. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? "" : phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private Collection<Long> visibleSubtree(long unitId) {
        Set<Long> visible = scope.visibleOrganizationIds();
        return organizations.subtreeIds(unitId).stream().filter(visible::contains).toList();
    }

    private static String trimmed(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
