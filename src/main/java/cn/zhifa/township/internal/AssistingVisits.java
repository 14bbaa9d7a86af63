package cn.zhifa.township.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceView;
import cn.zhifa.evidence.MediaKind;
import cn.zhifa.evidence.Upload;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.CapException;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import cn.zhifa.township.internal.SafetyStaffRegister.StaffView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 专职安全员's assisting visits (协助检查) and the leads (线索) their findings become. A 专职安全员 has no login and does
 * not enforce: a township user records the visit on their behalf (the firm must lie in the township), and each finding
 * goes as a lead to a certified officer of the district. That officer (or a LEADER of the officer's unit) turns the
 * lead into an inspection task through the inspection module, or closes it with a reason; both are final and audited.
 * A lead is seen by the subtree of the officer's unit and by the township it came from.
 */
@Service
public class AssistingVisits {

    private static final int MAX_FINDINGS = 20;
    /** Photos a visit may carry (a few of what was seen: the record is not an inspection file). */
    static final int MAX_PHOTOS = 9;

    private final JdbcClient jdbc;
    private final SafetyStaffRegister register;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final InspectionManagement inspections;
    private final EvidenceManagement evidence;
    private final Clock clock;

    AssistingVisits(JdbcClient jdbc, SafetyStaffRegister register, DataScope scope, OrganizationManagement organizations,
                    EnterpriseManagement enterprises, OfficerManagement officers, InspectionManagement inspections,
                    EvidenceManagement evidence, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.scope = scope;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.officers = officers;
        this.inspections = inspections;
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * What the township user records: the firm, the day, what was seen, one finding per line, the officer, and the
     * photos already in the evidence store ({@code photoIds}, uploaded by a terminal through the evidence API; may be
     * empty).
     */
    public record RecordVisit(Long enterpriseId, LocalDate visitedOn, String observations, String findings,
                              Long assigneeId, List<Long> photoIds) {

        public RecordVisit {
            photoIds = photoIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(photoIds));
        }

        public static RecordVisit empty(LocalDate today) {
            return new RecordVisit(null, today, "", "", null, List.of());
        }

        RecordVisit withPhotos(List<Long> more) {
            List<Long> all = new ArrayList<>(photoIds);
            all.addAll(more);
            return new RecordVisit(enterpriseId, visitedOn, observations, findings, assigneeId, all);
        }

        /** The findings, one a line, blanks dropped. */
        public List<String> findingLines() {
            return findings == null ? List.of() : Arrays.stream(findings.split("\\R")).map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }
    }

    public record VisitView(long id, long staffId, String staffName, long organizationId, long enterpriseId,
                            String enterpriseName, LocalDate visitedOn, String observations, long leads,
                            List<EvidenceView> photos) {
    }

    public record LeadView(long id, long visitId, long townshipId, String townshipName, String staffName,
                           long enterpriseId, String enterpriseName, LocalDate visitedOn, String finding,
                           long assigneeId, String assigneeName, LeadStatus status, Long taskId, String closeReason,
                           LocalDate handledOn, long organizationId, int version) {

        public String statusLabel() {
            return status.label();
        }

        public boolean open() {
            return status == LeadStatus.OPEN;
        }
    }

    /** null means any; {@code mine}: assigned to the caller. */
    public record LeadFilter(LeadStatus status, boolean mine, String q) {
    }

    /** The officer turns the lead into an on-site task with a second certified officer. */
    public record ToInspection(Long partnerId, YearMonth dueMonth, CapException capException, String capExceptionNote,
                               Integer version) {
    }

    public record CloseLead(String reason, Integer version) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- visits

    /** The firms in business in the township's territory (whatever unit supervises them): those a visit may name. */
    @Transactional(readOnly = true)
    public List<EnterpriseSummary> firmsOf(StaffView staff) {
        OrganizationView township = township(staff.organizationId());
        if (township.divisionCode() == null || township.divisionCode().isBlank()) {
            return List.of();
        }
        return enterprises.pool(new PoolFilter(Set.copyOf(organizations.subtreeIds(top(township).id())), Set.of(),
                        township.divisionCode(), Set.of(), Set.of(), false)).stream()
                .filter(e -> township.divisionCode().equals(e.townCode()))
                .sorted(Comparator.comparing(EnterpriseSummary::name)).toList();
    }

    /** The certified officers of the district above the township (not of its townships): who a lead may go to. */
    @Transactional(readOnly = true)
    public List<OfficerSummary> assigneesFor(long townshipId) {
        OrganizationView township = township(townshipId);
        if (township.parentId() == null) {
            return List.of();
        }
        List<Long> units = organizations.subtreeIds(township.parentId()).stream()
                .filter(id -> organizations.find(id).map(o -> o.kind() != OrganizationKind.TOWNSHIP).orElse(false))
                .toList();
        return officers.certifiedOfficers(units, today()).stream()
                .sorted(Comparator.comparing(OfficerSummary::organizationId).thenComparing(OfficerSummary::name)).toList();
    }

    /**
     * Records a visit on the staff member's behalf and a lead per finding, in one transaction; refused with the reasons
     * (nothing written) when the entry is not sound.
     */
    @Transactional
    public long recordVisit(long staffId, RecordVisit form) {
        return recordVisit(staffId, form, Actors.require().username(), false);
    }

    /**
     * The same with photos taken on the phone (compressed there), stored in the evidence store with the visit: a
     * refused visit keeps none of them.
     */
    @Transactional
    public long recordVisit(long staffId, RecordVisit form, List<Upload> photos) {
        if (form != null && form.photoIds().size() + photos.size() > MAX_PHOTOS) {
            throw new RuleViolation("一次协助检查最多附" + MAX_PHOTOS + "张照片。");
        }
        List<Long> stored = new ArrayList<>();
        for (Upload photo : photos) {
            stored.add(evidence.store(photo).id());
        }
        return recordVisit(staffId, form == null ? null : form.withPhotos(stored));
    }

    @Transactional
    long recordVisit(long staffId, RecordVisit form, String recordedBy, boolean demo) {
        StaffView staff = demo ? register.find(staffId) : register.get(staffId);
        OrganizationView township = township(staff.organizationId());
        if (form == null || form.enterpriseId() == null) {
            throw new RuleViolation("请选择被走访的企业。");
        }
        EnterpriseSummary firm = enterprises.find(form.enterpriseId())
                .orElseThrow(() -> RuleViolation.notFound("企业库中没有该企业。"));
        if (township.divisionCode() == null || !township.divisionCode().equals(firm.townCode())) {
            throw new RuleViolation("“" + firm.name() + "”不在" + township.name() + "辖区内，专职安全员只能协助检查本街道（乡镇）的企业。");
        }
        List<String> problems = new ArrayList<>();
        if (form.visitedOn() == null) {
            problems.add("请填写走访日期");
        } else if (form.visitedOn().isAfter(today())) {
            problems.add("走访日期不能晚于今天");
        } else if (!staff.servesOn(form.visitedOn())) {
            problems.add(staff.name() + "在" + Dates.chinese(form.visitedOn()) + "不在任期内（任期" + staff.term()
                    + (staff.active() ? "" : "，已于" + Dates.chinese(staff.endedOn()) + "离任") + "）");
        }
        String observations = SafetyStaffRegister.trimmed(form.observations());
        if (observations == null) {
            problems.add("请填写走访所见情况");
        } else if (observations.length() > 2000) {
            problems.add("走访所见情况不超过2000字");
        }
        List<String> findings = form.findingLines();
        if (findings.size() > MAX_FINDINGS) {
            problems.add("一次走访最多登记" + MAX_FINDINGS + "条发现的问题");
        }
        if (findings.stream().anyMatch(f -> f.length() > 500)) {
            problems.add("每条发现的问题不超过500字");
        }
        List<EvidenceView> photos = evidence.find(form.photoIds());
        if (form.photoIds().size() > MAX_PHOTOS) {
            problems.add("一次协助检查最多附" + MAX_PHOTOS + "张照片");
        } else if (photos.size() != form.photoIds().size()) {
            problems.add("所附照片不存在，请重新上传");
        } else if (photos.stream().anyMatch(p -> p.kind() != MediaKind.PHOTO)) {
            problems.add("协助检查只能附照片，录音、视频请交执法人员作为证据");
        }
        OfficerSummary assignee = null;
        if (!findings.isEmpty()) {
            if (form.assigneeId() == null) {
                problems.add("发现问题时请选择接收线索的区执法人员");
            } else {
                assignee = assigneesFor(township.id()).stream().filter(o -> o.userId() == form.assigneeId()).findFirst()
                        .orElse(null);
                if (assignee == null) {
                    problems.add("接收线索的人员须是本区持有效执法证的执法人员，请从名单中选择");
                }
            }
        }
        SafetyStaffRegister.refuseIf(problems);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        long visitId = jdbc.sql("""
                        INSERT INTO township_staff_visit (staff_id, organization_id, enterprise_id, enterprise_name, visited_on,
                            observations, demo, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(staff.id(), township.id(), firm.id(), firm.name(), form.visitedOn(), observations, demo, now,
                        recordedBy)
                .query(Long.class).single();
        for (String finding : findings) {
            jdbc.sql("""
                            INSERT INTO township_lead (visit_id, township_id, organization_id, enterprise_id, enterprise_name,
                                finding, assignee_id, assignee_name, demo, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(visitId, township.id(), assignee.organizationId(), firm.id(), firm.name(), finding,
                            assignee.userId(), assignee.name(), demo, now)
                    .update();
        }
        if (!photos.isEmpty()) {
            if (!demo) {
                photos.forEach(p -> scope.require(p.organizationId()));
            }
            evidence.attach(form.photoIds(), "专职安全员协助检查", visitId);
            for (int i = 0; i < photos.size(); i++) {
                jdbc.sql("INSERT INTO township_staff_visit_photo (visit_id, evidence_id, position) VALUES (?, ?, ?)")
                        .params(visitId, photos.get(i).id(), i + 1).update();
            }
        }
        Audit.target("专职安全员协助检查", visitId);
        Audit.detail(staff.name() + " " + firm.name() + (findings.isEmpty() ? " 未发现问题"
                : " 线索" + findings.size() + "条交" + assignee.name()) + (photos.isEmpty() ? "" : " 照片" + photos.size() + "张"));
        return visitId;
    }

    @Transactional(readOnly = true)
    public List<VisitView> visitsOf(long staffId) {
        register.get(staffId);
        List<VisitView> visits = jdbc.sql("""
                        SELECT v.*, s.name AS staff_name, (SELECT count(*) FROM township_lead l WHERE l.visit_id = v.id) AS leads
                        FROM township_staff_visit v JOIN township_safety_staff s ON s.id = v.staff_id
                        WHERE v.staff_id = ? ORDER BY v.visited_on DESC, v.id DESC""").param(staffId)
                .query((rs, i) -> new VisitView(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("staff_name"),
                        rs.getLong("organization_id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                        rs.getDate("visited_on").toLocalDate(), rs.getString("observations"), rs.getLong("leads"), List.of()))
                .list();
        return withPhotos(visits);
    }

    /** One visit of a staff member the caller sees. */
    @Transactional(readOnly = true)
    public VisitView visit(long staffId, long visitId) {
        return visitsOf(staffId).stream().filter(v -> v.id() == visitId).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("没有这次协助检查记录。"));
    }

    private List<VisitView> withPhotos(List<VisitView> visits) {
        if (visits.isEmpty()) {
            return visits;
        }
        Map<Long, List<Long>> ids = new LinkedHashMap<>();
        jdbc.sql("SELECT visit_id, evidence_id FROM township_staff_visit_photo WHERE visit_id IN (:visits) ORDER BY visit_id, position")
                .param("visits", visits.stream().map(VisitView::id).toList())
                .query((rs, i) -> ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        if (ids.isEmpty()) {
            return visits;
        }
        Map<Long, EvidenceView> files = new LinkedHashMap<>();
        evidence.find(ids.values().stream().flatMap(List::stream).toList()).forEach(f -> files.put(f.id(), f));
        return visits.stream().map(v -> new VisitView(v.id(), v.staffId(), v.staffName(), v.organizationId(), v.enterpriseId(),
                v.enterpriseName(), v.visitedOn(), v.observations(), v.leads(),
                ids.getOrDefault(v.id(), List.of()).stream().map(files::get).filter(java.util.Objects::nonNull).toList())).toList();
    }

    // ---- leads

    /** The leads the caller sees (assigned to a unit of their subtree, or found in a township of it), newest first. */
    @Transactional(readOnly = true)
    public Page<LeadView> leads(LeadFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM township_lead l" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return new Page<>(select(where + " ORDER BY (l.status = 'OPEN') DESC, l.created_at DESC, l.id DESC"
                + " LIMIT :limit OFFSET :offset", params), page, size, total);
    }

    @Transactional(readOnly = true)
    public List<LeadView> leadsOfVisit(long visitId) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("visit", visitId));
        return select(" WHERE l.visit_id = :visit ORDER BY l.id", params);
    }

    /** Open leads assigned to the user (the workbench count). */
    @Transactional(readOnly = true)
    public long openLeadsOf(long userId) {
        return jdbc.sql("SELECT count(*) FROM township_lead WHERE assignee_id = ? AND status = 'OPEN'").param(userId)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public LeadView lead(long id) {
        LeadView lead = find(id);
        if (!scope.canSee(lead.organizationId()) && !scope.canSee(lead.townshipId())) {
            scope.require(lead.organizationId());
        }
        return lead;
    }

    /** Whether the lead lies in the caller's units (not only in the township it came from). */
    public boolean mayHandle(LeadView lead) {
        return scope.canSee(lead.organizationId());
    }

    /** The certified officers of the caller's subtree other than the caller: the second member of the task's team. */
    @Transactional(readOnly = true)
    public List<OfficerSummary> partners() {
        long self = Actors.require().userId();
        return officers.certifiedOfficers(scope.visibleOrganizationIds(), today()).stream()
                .filter(o -> o.userId() != self).sorted(Comparator.comparing(OfficerSummary::name)).toList();
    }

    /**
     * Turns the lead into an on-site inspection task (source 临时检查, the lead as its reference) for the caller and a
     * second certified officer; the task and the lead's new state are written together or not at all.
     */
    @Transactional
    public long toInspection(long id, ToInspection command) {
        Actor actor = Actors.require();
        LeadView lead = handled(id, actor);
        List<String> problems = new ArrayList<>();
        if (command == null || command.partnerId() == null) {
            problems.add("请选择同去检查的另一名执法人员");
        } else if (command.partnerId() == actor.userId()) {
            problems.add("同去检查的执法人员不能是本人");
        }
        if (command == null || command.dueMonth() == null) {
            problems.add("请填写计划检查月份");
        }
        SafetyStaffRegister.refuseIf(problems);
        scope.requireUsers(List.of(command.partnerId()));
        String reference = "专职安全员线索第" + lead.id() + "号";
        long taskId = inspections.createTask(new NewTask(TaskSource.AD_HOC, reference, lead.enterpriseId(),
                InspectionKind.GENERAL, InspectionMode.ON_SITE, List.of(actor.userId(), command.partnerId()),
                command.dueMonth(), null, false, command.capException(),
                command.capException() == null ? null : SafetyStaffRegister.trimmed(command.capExceptionNote())),
                actor, false).id();
        int changed = jdbc.sql("""
                        UPDATE township_lead SET status = 'INSPECTION', task_id = :task, handled_on = :on, handled_by = :by,
                            version = version + 1 WHERE id = :id AND status = 'OPEN' AND version = :version""")
                .param("task", taskId).param("on", today()).param("by", actor.username()).param("id", id)
                .param("version", command.version() == null ? lead.version() : command.version()).update();
        if (changed == 0) {
            throw RuleViolation.conflict("该线索已被他人处理，请刷新后查看。");
        }
        Audit.target("专职安全员线索", id);
        Audit.detail(lead.enterpriseName() + " 转检查任务");
        return taskId;
    }

    /** Closes the lead with the reason the officer gives (no inspection needed, found already handled …). */
    @Transactional
    public void close(long id, CloseLead command) {
        Actor actor = Actors.require();
        LeadView lead = handled(id, actor);
        String reason = command == null ? null : SafetyStaffRegister.trimmed(command.reason());
        if (reason == null) {
            throw new RuleViolation("请填写关闭线索的理由。");
        }
        if (reason.length() > 500) {
            throw new RuleViolation("关闭理由不超过500字。");
        }
        int changed = jdbc.sql("""
                        UPDATE township_lead SET status = 'CLOSED', close_reason = :reason, handled_on = :on, handled_by = :by,
                            version = version + 1 WHERE id = :id AND status = 'OPEN' AND version = :version""")
                .param("reason", reason).param("on", today()).param("by", actor.username()).param("id", id)
                .param("version", command.version() == null ? lead.version() : command.version()).update();
        if (changed == 0) {
            throw RuleViolation.conflict("该线索已被他人处理，请刷新后查看。");
        }
        Audit.target("专职安全员线索", id);
        Audit.detail(lead.enterpriseName() + " 关闭：" + reason);
    }

    /** Demo data: closes a lead as its assignee would. */
    void closeAsDemo(long id, String reason, String by) {
        jdbc.sql("UPDATE township_lead SET status = 'CLOSED', close_reason = ?, handled_on = ?, handled_by = ? WHERE id = ?")
                .params(reason, today(), by, id).update();
    }

    /** A lead the caller may handle: of their subtree's units, open, and theirs unless they are a LEADER. */
    private LeadView handled(long id, Actor actor) {
        LeadView lead = find(id);
        scope.require(lead.organizationId());
        lead.status().mayHandle().orThrow();
        if (lead.assigneeId() != actor.userId() && !actor.has(Role.LEADER)) {
            throw new RuleViolation("该线索已交由" + lead.assigneeName() + "处理，只有本人或其单位负责人可以处理。");
        }
        return lead;
    }

    private LeadView find(long id) {
        return select(" WHERE l.id = :id", new LinkedHashMap<>(Map.of("id", id))).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("没有这条线索。"));
    }

    private String where(LeadFilter filter, Map<String, Object> params) {
        List<Long> visible = List.copyOf(scope.visibleOrganizationIds());
        params.put("orgs", visible.isEmpty() ? List.of(-1L) : visible);
        StringBuilder where = new StringBuilder(" WHERE (l.organization_id IN (:orgs) OR l.township_id IN (:orgs))");
        if (filter.status() != null) {
            where.append(" AND l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.mine()) {
            where.append(" AND l.assignee_id = :me");
            params.put("me", Actors.require().userId());
        }
        String q = SafetyStaffRegister.trimmed(filter.q());
        if (q != null) {
            where.append(" AND (l.enterprise_name LIKE :like OR l.finding LIKE :like)");
            params.put("like", "%" + q.replace("%", "").replace("_", "") + "%");
        }
        return where.toString();
    }

    private List<LeadView> select(String tail, Map<String, Object> params) {
        Map<Long, String> names = new LinkedHashMap<>();
        return jdbc.sql("""
                        SELECT l.*, v.visited_on, s.name AS staff_name FROM township_lead l
                        JOIN township_staff_visit v ON v.id = l.visit_id JOIN township_safety_staff s ON s.id = v.staff_id"""
                        + tail)
                .params(params).query((rs, i) -> view(rs, names)).list();
    }

    private LeadView view(ResultSet rs, Map<Long, String> names) throws SQLException {
        long township = rs.getLong("township_id");
        java.sql.Date handled = rs.getDate("handled_on");
        return new LeadView(rs.getLong("id"), rs.getLong("visit_id"), township,
                names.computeIfAbsent(township, register::unitName), rs.getString("staff_name"),
                rs.getLong("enterprise_id"), rs.getString("enterprise_name"), rs.getDate("visited_on").toLocalDate(),
                rs.getString("finding"), rs.getLong("assignee_id"), rs.getString("assignee_name"),
                LeadStatus.valueOf(rs.getString("status")), rs.getObject("task_id", Long.class),
                rs.getString("close_reason"), handled == null ? null : handled.toLocalDate(),
                rs.getLong("organization_id"), rs.getInt("version"));
    }

    private OrganizationView township(long organizationId) {
        return organizations.find(organizationId).filter(o -> o.kind() == OrganizationKind.TOWNSHIP)
                .orElseThrow(() -> RuleViolation.notFound("没有这个街道（乡镇）。"));
    }

    private OrganizationView top(OrganizationView unit) {
        OrganizationView current = unit;
        while (current.parentId() != null) {
            Optional<OrganizationView> parent = organizations.find(current.parentId());
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return current;
    }

    /** Figures of the year over the townships among {@code units}: staff in post, training 人次, visits, leads to tasks. */
    Map<String, Long> figures(int year, Collection<Long> units) {
        Map<String, Long> figures = new LinkedHashMap<>();
        if (units.isEmpty()) {
            return figures;
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Long> orgs = List.copyOf(units);
        figures.put("staff", jdbc.sql("""
                        SELECT count(*) FROM township_safety_staff WHERE organization_id IN (:orgs) AND term_from <= :last
                        AND COALESCE(CASE WHEN status = 'ENDED' THEN ended_on END, term_to, DATE '9999-12-31') >= :first""")
                .param("orgs", orgs).param("first", first).param("last", last).query(Long.class).single());
        figures.put("trainings", jdbc.sql("""
                        SELECT count(*) FROM township_safety_staff_training t JOIN township_safety_staff s ON s.id = t.staff_id
                        WHERE s.organization_id IN (:orgs) AND t.trained_on BETWEEN :first AND :last""")
                .param("orgs", orgs).param("first", first).param("last", last).query(Long.class).single());
        figures.put("visits", jdbc.sql("""
                        SELECT count(*) FROM township_staff_visit WHERE organization_id IN (:orgs)
                        AND visited_on BETWEEN :first AND :last""")
                .param("orgs", orgs).param("first", first).param("last", last).query(Long.class).single());
        figures.put("toInspection", jdbc.sql("""
                        SELECT count(*) FROM township_lead WHERE township_id IN (:orgs) AND status = 'INSPECTION'
                        AND handled_on BETWEEN :first AND :last""")
                .param("orgs", orgs).param("first", first).param("last", last).query(Long.class).single());
        return figures;
    }
}
