package cn.zhifa.inspection;

import cn.zhifa.audit.Audit;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceView;
import cn.zhifa.evidence.Upload;
import cn.zhifa.inspection.internal.ChecklistTemplates;
import cn.zhifa.inspection.internal.InspectionRecords;
import cn.zhifa.inspection.internal.InspectionTasks;
import cn.zhifa.inspection.internal.Registry;
import cn.zhifa.law.CalendarDay;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.planning.FrequencyControl;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officer's day: tasks, the 执法检查告知书, the 现场检查记录 from start to submission, corrections.
 * Every command is one transaction; a refusal ({@link RuleViolation}, Chinese) leaves nothing written.
 */
@Service
public class InspectionManagement {

    static final String DEFAULT_TEMPLATE = "GM-MGMT";
    static final String NOTICE_SOURCE = "检查任务";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final InspectionTasks tasks;
    private final InspectionRecords records;
    private final ChecklistTemplates templates;
    private final Registry registry;
    private final UserManagement users;
    private final EvidenceManagement evidence;
    private final LegalCalendar calendar;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DocumentManagement documents;
    private final String noticeBasis;
    private final FrequencyControl frequency;
    private final cn.zhifa.planning.PlanManagement plans;

    InspectionManagement(InspectionTasks tasks, InspectionRecords records, ChecklistTemplates templates, Registry registry,
                         UserManagement users, EvidenceManagement evidence, LegalCalendar calendar, DataScope scope,
                         JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, DocumentManagement documents,
                         FrequencyControl frequency, cn.zhifa.planning.PlanManagement plans,
                         @org.springframework.beans.factory.annotation.Value("${zhifa.inspection.notice-basis}") String noticeBasis) {
        this.documents = documents;
        this.frequency = frequency;
        this.plans = plans;
        this.noticeBasis = noticeBasis;
        this.tasks = tasks;
        this.records = records;
        this.templates = templates;
        this.registry = registry;
        this.users = users;
        this.evidence = evidence;
        this.calendar = calendar;
        this.scope = scope;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private cn.zhifa.organization.DelegatedPowers delegatedPowers = cn.zhifa.organization.DelegatedPowers.NONE;

    /** A township opens tasks only within the powers granted or entrusted to it (issue 21). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void delegatedPowers(cn.zhifa.organization.DelegatedPowers delegatedPowers) {
        this.delegatedPowers = delegatedPowers;
    }

    // ---- tasks

    /** Creates a task in the current user's organisation. Planning turns draw results into these. */
    @Transactional
    public TaskView createTask(NewTask task) {
        registry.enterprise(task.enterpriseId()).ifPresent(firm -> scope.require(firm.organizationId()));
        scope.requireUsers(task.team() == null ? List.of() : task.team());
        return createTask(task, Actors.require(), false);
    }

    /**
     * Creates a task for the actor's organisation. An unplanned task (not from the annual plan or a 双随机 draw)
     * asks planning's {@link FrequencyControl#mayInspect} first and is counted there as an extra inspection:
     * beyond the firm's annual cap it needs a recorded legal exception with its ground.
     */
    @Transactional
    public TaskView createTask(NewTask task, Actor actor, boolean demo) {
        return create(task, actor, demo, false);
    }

    /**
     * The task of an executed 双随机 draw. A draw always becomes tasks: a past month's draw becomes a task due this
     * month that keeps the drawn month and reads as late (逾期补做).
     */
    @Transactional
    public TaskView createDrawnTask(NewTask task, Actor actor) {
        return create(task, actor, false, true);
    }

    /**
     * An online task (线上检查) that monitoring opens for a firm's unit from an alarm, an abnormal video patrol or the
     * day's online patrol list, created as that unit ({@code actor}). It is not a visit on the premises, so it is not
     * counted against the firm's annual on-site cap; the team rule (two certified officers) holds as for any task.
     */
    @Transactional
    public TaskView createOnlineTask(NewTask task, Actor actor) {
        return createOnlineTask(task, actor, false);
    }

    /** The same for demo data ({@code demo}: purged with the demo city). */
    @Transactional
    public TaskView createOnlineTask(NewTask task, Actor actor, boolean demo) {
        if (task.mode() != InspectionMode.ONLINE) {
            throw new IllegalArgumentException("an online task must have mode ONLINE");
        }
        return create(task, actor, demo, false, true);
    }

    /** Whether the firm has reached its annual on-site inspection cap (a new unplanned task needs an exception). */
    @Transactional(readOnly = true)
    public boolean atFrequencyCap(long enterpriseId, int year) {
        return frequency.mayInspect(enterpriseId, year, null, null).refused();
    }

    private TaskView create(NewTask task, Actor actor, boolean demo, boolean catchUp) {
        return create(task, actor, demo, catchUp, false);
    }

    private TaskView create(NewTask task, Actor actor, boolean demo, boolean catchUp, boolean online) {
        List<Long> team = task.team() == null ? List.of() : List.copyOf(new LinkedHashSet<>(task.team()));
        if (!demo) {
            delegatedPowers.check(actor.organizationId(), cn.zhifa.organization.DelegatedPowers.Matter.INSPECTION, today()).orThrow();
        }
        teamPolicy(team, today()).orThrow();
        YearMonth thisMonth = YearMonth.from(today());
        YearMonth due = task.dueMonth();
        if (due.isBefore(thisMonth)) {
            if (!catchUp) {
                throw new RuleViolation("计划检查月份不能早于本月。");
            }
            due = thisMonth;
        }
        String name = registry.enterprise(task.enterpriseId()).map(Registry.Enterprise::name)
                .orElseThrow(() -> new RuleViolation("被检查企业不存在，请从企业库中选择。"));
        String code = task.templateCode() == null || task.templateCode().isBlank() ? DEFAULT_TEMPLATE : task.templateCode();
        ChecklistTemplate template = templates.findCurrent(code)
                .orElseThrow(() -> new RuleViolation("检查清单“" + code + "”不存在。"));
        if (task.capException() != null && (task.capExceptionNote() == null || task.capExceptionNote().isBlank())) {
            throw new RuleViolation("请写明例外情形（" + task.capException().label() + "）的具体依据，如举报件编号、事故编号或交办文号。");
        }
        if (task.campaignId() != null) {
            cn.zhifa.planning.CampaignTag campaign = plans.campaign(task.campaignId())
                    .orElseThrow(() -> new RuleViolation("所选专项不存在，请从年度计划的专项中选择。"));
            // a 专项 of the unit's own plan, of a unit below it, or of a higher unit whose plan covers it
            if (!scope.subtreeIds(campaign.organizationId()).contains(actor.organizationId())) {
                scope.require(campaign.organizationId());
            }
            if (!campaign.runsIn(due)) {
                throw new RuleViolation("专项“" + campaign.name() + "”的开展期间为" + campaign.period() + "，计划检查月份不在其中。");
            }
        }
        if (unplanned(task.source()) && !online) {
            LocalDate planned = due.equals(thisMonth) ? today() : due.atDay(1);
            frequency.scheduleExtra(task.enterpriseId(), planned, task.capException(), task.capExceptionNote());
        }
        InspectionTask saved = tasks.save(InspectionTask.create(actor.organizationId(), task, due, name, template.getId(),
                team, actor.userId(), clock.instant(), demo));
        Audit.target("检查任务", saved.getId());
        return view(saved);
    }

    /** The 专项 (planning's campaign id) of a record: the one its task was created for, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> campaignOfRecord(long recordId) {
        return jdbc.sql("""
                SELECT t.campaign_id FROM inspection_record r JOIN inspection_task t ON t.id = r.task_id AND t.organization_id = r.organization_id
                WHERE r.id = ?""").param(recordId).query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional()
                .filter(Objects::nonNull);
    }

    /** Firms inspected (家, submitted records) per 专项 among {@code campaignIds}; a 专项 without one is absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> firmsInspectedByCampaign(Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> firms = new HashMap<>();
        jdbc.sql("""
                SELECT t.campaign_id, COUNT(DISTINCT r.enterprise_id) FROM inspection_record r
                JOIN inspection_task t ON t.id = r.task_id AND t.organization_id = r.organization_id
                WHERE t.campaign_id IN (:ids) AND r.status <> 'DRAFT' GROUP BY t.campaign_id""")
                .param("ids", campaignIds).query(rs -> {
                    firms.put(rs.getLong(1), rs.getLong(2));
                });
        return firms;
    }

    /** Planned and drawn inspections are counted by planning itself; every other task is an extra inspection. */
    private static boolean unplanned(TaskSource source) {
        return source != TaskSource.PLAN && source != TaskSource.DRAW;
    }

    /** 执法检查：至少两名持有效执法证的执法人员. */
    public Verdict teamPolicy(List<Long> team, LocalDate on) {
        List<Long> distinct = team == null ? List.of() : team.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.size() < 2) {
            return Verdict.refuse("执法检查须由两名以上持有效执法证的执法人员进行（《行政处罚法》第四十二条），请至少选择两名检查人员。");
        }
        return registry.mayEnforce(distinct, on); // one statement for the team
    }

    /**
     * Records that the 执法检查告知书 was sent: how (e.g. 短信、现场送达、邮寄), when, and the inspection time it
     * announces; issues the 执法检查告知书 through the documents module in the same transaction.
     */
    @Transactional
    public TaskView recordNoticeSent(long taskId, String method, Instant sentAt, java.time.LocalDateTime inspectionAt,
                                     String content) {
        InspectionTask task = loadTask(taskId);
        Audit.target("检查任务", taskId);
        if (method == null || method.isBlank()) {
            throw new RuleViolation("请填写告知书的送达方式。");
        }
        if (sentAt == null || sentAt.isAfter(clock.instant())) {
            throw new RuleViolation("请填写告知书的送达时间（不能晚于现在）。");
        }
        if (inspectionAt == null || inspectionAt.atZone(InspectionRecord.ZONE).toInstant().isBefore(sentAt)) {
            throw new RuleViolation("请填写告知的检查时间（不能早于送达时间）。");
        }
        task.noticeSent(method.strip(), sentAt, content == null || content.isBlank() ? null : content.strip());
        TaskView saved = view(tasks.save(task));
        issueNotice(task, sentAt, inspectionAt, content);
        return saved;
    }

    /** The 执法检查告知书 of a task (empty until the notice is recorded as sent). */
    @Transactional(readOnly = true)
    public java.util.Optional<IssuedDocument> notice(long taskId) {
        return documents.forSource(new SourceRef(NOTICE_SOURCE, String.valueOf(taskId))).stream()
                .filter(IssuedDocument::valid).filter(d -> d.kind().equals("INSPECTION_NOTICE")).findFirst();
    }

    private void issueNotice(InspectionTask task, Instant sentAt, java.time.LocalDateTime inspectionAt, String content) {
        LocalDate day = LocalDate.ofInstant(sentAt, InspectionRecord.ZONE);
        Registry.Enterprise firm = registry.enterprise(task.getEnterpriseId()).orElse(null);
        Party party = Party.unit("party", task.getEnterpriseName(), firm == null ? null : firm.uscc(),
                firm == null ? null : firm.legalRepresentative(), null, firm == null ? null : firm.address(), null, null);
        List<Officer> officers = task.team().stream().map(id -> {
            UserView user = users.get(id);
            return new Officer(user.displayName(), registry.certificateNo(id, user.organizationId(), day).orElse(null));
        }).toList();
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("inspectionTime", inspectionAt);
        fields.put("basis", noticeBasis);
        fields.put("scope", content == null || content.isBlank()
                ? "检查内容：你单位执行安全生产法律、法规、规章和国家标准、行业标准的情况（" + task.getKind().label() + "）。"
                : content.strip());
        documents.issue(new IssueRequest("INSPECTION_NOTICE", task.getOrganizationId(),
                new SourceRef(NOTICE_SOURCE, String.valueOf(task.getId())), fields, List.of(party), officers, List.of(),
                List.of(), day, Actors.require().username(), "inspection-notice-" + task.getId()));
    }

    @Transactional
    public void cancelTask(long taskId) {
        InspectionTask task = loadTask(taskId);
        Audit.target("检查任务", taskId);
        task.cancel();
        tasks.save(task);
    }

    @Transactional(readOnly = true)
    public TaskView task(long id) {
        return view(loadTask(id));
    }

    /** The open tasks of the current officer: due this month or earlier and not done. */
    @Transactional(readOnly = true)
    public List<TaskView> myOpenTasks() {
        return myOpenTasks(0, Integer.MAX_VALUE).items();
    }

    /**
     * One page of the current officer's open tasks (due this month or earlier, not done), oldest month first: the
     * 今日检查 page reads only the tasks it shows (an officer of a province may have hundreds open, issue 18).
     */
    @Transactional(readOnly = true)
    public cn.zhifa.shared.web.Page<TaskView> myOpenTasks(int page, int size) {
        Actor actor = Actors.require();
        String mine = """
                FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id AND m.organization_id = t.organization_id
                WHERE m.user_id = :user AND t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.due_month <= :month""";
        LocalDate month = YearMonth.from(today()).atDay(1);
        List<Long> ids = jdbc.sql("SELECT t.id " + mine + " ORDER BY t.due_month, t.id LIMIT :limit OFFSET :offset")
                .param("user", actor.userId()).param("month", month).param("limit", size)
                .param("offset", (long) page * size).query(Long.class).list();
        long total = page == 0 && ids.size() < size ? ids.size()
                : jdbc.sql("SELECT count(*) " + mine).param("user", actor.userId()).param("month", month).query(Long.class).single();
        return new cn.zhifa.shared.web.Page<>(views(ids, java.util.Comparator.comparing(TaskView::dueMonth).thenComparing(TaskView::id)),
                page, size, total);
    }

    /**
     * The 执法检查告知书 of many tasks at once (one query for a list page), by task id; tasks without one are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, IssuedDocument> notices(Collection<Long> taskIds) {
        Map<Long, IssuedDocument> notices = new HashMap<>();
        documents.forSources(NOTICE_SOURCE, taskIds.stream().map(String::valueOf).toList()).forEach((id, docs) ->
                docs.stream().filter(IssuedDocument::valid).filter(d -> d.kind().equals("INSPECTION_NOTICE")).findFirst()
                        .ifPresent(d -> notices.put(Long.valueOf(id), d)));
        return notices;
    }

    /**
     * The tasks' views read for the whole list in four queries (tasks, team members, their names, current records), not
     * per task: an officer of a province has hundreds of open tasks (issue 18).
     */
    private List<TaskView> views(List<Long> ids, java.util.Comparator<TaskView> order) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> recordIds = new HashMap<>();
        jdbc.sql("SELECT task_id, max(id) FROM inspection_record WHERE task_id IN (:ids) AND status <> 'SUPERSEDED' GROUP BY task_id")
                .param("ids", ids).query((rs, n) -> recordIds.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, List<Long>> teams = new HashMap<>();
        jdbc.sql("SELECT inspection_task, user_id FROM inspection_task_member WHERE inspection_task IN (:ids) ORDER BY inspection_task, position")
                .param("ids", ids).query((rs, n) -> teams.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        Map<Long, String> names = users.displayNames(teams.values().stream().flatMap(List::stream).distinct().toList());
        List<TaskView> list = new ArrayList<>(jdbc.sql("""
                        SELECT id, organization_id, source, source_ref, enterprise_id, enterprise_name, kind, mode, due_month,
                               notice_required, notice_method, notice_sent_at, status, planned_month, cap_exception, cap_exception_note
                        FROM inspection_task WHERE id IN (:ids)""")
                .param("ids", ids).query((rs, n) -> {
                    long id = rs.getLong("id");
                    List<Long> team = List.copyOf(teams.getOrDefault(id, List.of()));
                    LocalDate planned = rs.getObject("planned_month", LocalDate.class);
                    String cap = rs.getString("cap_exception");
                    java.sql.Timestamp sent = rs.getTimestamp("notice_sent_at");
                    return new TaskView(id, rs.getLong("organization_id"), TaskSource.valueOf(rs.getString("source")),
                            rs.getString("source_ref"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                            InspectionKind.valueOf(rs.getString("kind")), InspectionMode.valueOf(rs.getString("mode")),
                            YearMonth.from(rs.getObject("due_month", LocalDate.class)), team,
                            team.stream().map(u -> names.getOrDefault(u, "（已删除的用户）")).toList(),
                            TaskStatus.valueOf(rs.getString("status")), rs.getBoolean("notice_required"),
                            rs.getString("notice_method"), sent == null ? null : sent.toInstant(), recordIds.get(id),
                            planned == null ? null : YearMonth.from(planned), cap == null ? null : cn.zhifa.planning.CapException.valueOf(cap),
                            rs.getString("cap_exception_note"));
                }).list());
        list.sort(order);
        return list;
    }

    /** Tasks of the user's subtree, newest first. */
    @Transactional(readOnly = true)
    public List<TaskView> recentTasks(int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM inspection_task WHERE organization_id IN (:orgs) ORDER BY id DESC LIMIT :limit")
                .param("orgs", scope.visibleOrganizationIds()).param("limit", limit).query(Long.class).list();
        return views(ids, java.util.Comparator.comparing(TaskView::id).reversed());
    }

    // ---- records

    /** Starts (or resumes) the record of a task; the user must be on the team. */
    @Transactional
    public long startRecord(long taskId) {
        return startRecord(taskId, Actors.require(), false);
    }

    @Transactional
    public long startRecord(long taskId, Actor actor, boolean demo) {
        InspectionTask task = loadTask(taskId, !demo);
        if (!task.team().contains(actor.userId())) {
            throw new RuleViolation("只有检查组成员可以开始本次检查。");
        }
        var draft = records.findByTaskId(taskId).stream().filter(r -> r.getStatus() == RecordStatus.DRAFT).findFirst();
        if (draft.isPresent()) {
            return draft.get().getId();
        }
        task.start();
        tasks.save(task);
        ChecklistTemplate template = templates.findById(task.getTemplateId()).orElseThrow();
        List<InspectionRecord.Member> team = task.team().stream()
                .map(id -> new InspectionRecord.Member(id, users.displayName(id))).toList();
        InspectionRecord record = records.save(InspectionRecord.start(task, template, team, actor.userId(),
                clock.instant(), demo));
        Audit.target("现场检查记录", record.getId());
        return record.getId();
    }

    @Transactional(readOnly = true)
    public InspectionRecord record(long id) {
        InspectionRecord record = records.findById(id).orElseThrow(() -> RuleViolation.notFound("现场检查记录不存在。"));
        scope.require(record.getOrganizationId());
        return record;
    }

    @Transactional
    public void describe(long recordId, String place, BigDecimal latitude, BigDecimal longitude, String representativeName,
                         String representativeTitle, String representativePhone, String findings) {
        InspectionRecord record = loadForTeam(recordId);
        record.describe(place, latitude, longitude, representativeName, representativeTitle, representativePhone, findings);
        records.save(record);
    }

    @Transactional
    public void answer(long recordId, String code, ItemOutcome outcome, String note, String location, LocalDate rectifyBy,
                       String immediateMeasure) {
        InspectionRecord record = loadForTeam(recordId);
        if (outcome == null) {
            throw new RuleViolation("请选择检查结果：符合、不符合或不涉及。");
        }
        if (outcome == ItemOutcome.FAILS && rectifyBy != null && rectifyBy.isBefore(today())) {
            throw new RuleViolation("整改期限不能早于今天（" + DATE.format(today()) + "）。");
        }
        record.answer(code, outcome, note, location, rectifyBy, immediateMeasure);
        records.save(record);
    }

    /**
     * Saves the answers of a checklist page at once, as they stand: an item without an outcome keeps its note and
     * stays unanswered (submission asks for it).
     */
    @Transactional
    public void answerAll(long recordId, List<RecordSubmission.ItemAnswer> answers) {
        InspectionRecord record = loadForTeam(recordId);
        Audit.target("现场检查记录", recordId);
        for (RecordSubmission.ItemAnswer answer : answers) {
            draftAnswer(record, answer);
        }
        records.save(record);
    }

    /** Saves one item while the record is being filled in (the record page saves each item as it changes). */
    @Transactional
    public void saveItem(long recordId, RecordSubmission.ItemAnswer answer) {
        InspectionRecord record = loadForTeam(recordId);
        Audit.target("现场检查记录", recordId);
        draftAnswer(record, answer);
        records.save(record);
    }

    private void draftAnswer(InspectionRecord record, RecordSubmission.ItemAnswer answer) {
        if (answer.result() == ItemOutcome.FAILS && answer.rectifyBy() != null && answer.rectifyBy().isBefore(today())) {
            throw new RuleViolation("检查项“" + answer.code() + "”的整改期限不能早于今天（" + DATE.format(today()) + "）。");
        }
        record.answer(answer.code(), answer.result(), answer.note(), answer.location(), answer.rectifyBy(),
                answer.immediateMeasure());
    }

    /** Stores a photo (or audio/video) and attaches it to the record, optionally to one item. */
    @Transactional
    public EvidenceView attachPhoto(long recordId, String itemCode, Upload upload) {
        return attachPhoto(recordId, itemCode, upload, null);
    }

    /** A video or audio upload names the 执法记录仪 it came from (kept in the evidence's custody entry). */
    @Transactional
    public EvidenceView attachPhoto(long recordId, String itemCode, Upload upload, String recorderNumber) {
        InspectionRecord record = loadForTeam(recordId);
        EvidenceView stored = evidence.store(upload, recorderNumber);
        record.attachPhoto(stored.id(), itemCode);
        records.save(record);
        evidence.attach(List.of(stored.id()), "现场检查记录", recordId);
        return stored;
    }

    /** A team officer signs with a drawing (PNG data URL) on the device of the logged-in team member. */
    @Transactional
    public void signAsOfficer(long recordId, long officerId, String pngDataUrl) {
        InspectionRecord record = loadForTeam(recordId);
        SignatureImage image = SignatureImage.fromDataUrl(pngDataUrl);
        String name = record.getMembers().stream().filter(m -> m.userId() == officerId).map(InspectionRecord.Member::displayName)
                .findFirst().orElseThrow(() -> new RuleViolation("只有检查组成员可以作为检查人员签名。"));
        record.signAsOfficer(officerId, name, image.png(), image.sha256(), clock.instant());
        records.save(record);
    }

    @Transactional
    public void signAsRepresentative(long recordId, String name, String pngDataUrl, boolean refused, String witness) {
        InspectionRecord record = loadForTeam(recordId);
        SignatureImage image = refused ? null : SignatureImage.fromDataUrl(pngDataUrl);
        if (name == null || name.isBlank()) {
            name = record.getRepresentativeName();
        }
        record.signAsRepresentative(name, image == null ? null : image.png(), image == null ? null : image.sha256(),
                refused, witness, clock.instant());
        records.save(record);
    }

    /** Submits the record once: team and certificates, deadlines and signatures are checked first. */
    @Transactional
    public InspectionRecord submit(long recordId, boolean confirmNonWorkingDeadline) {
        InspectionRecord record = loadForTeam(recordId);
        Audit.target("现场检查记录", recordId);
        record.confirmNonWorkingDeadline(confirmNonWorkingDeadline || record.isDeadlineConfirmed());
        return submit(record);
    }

    private InspectionRecord submit(InspectionRecord record) {
        return submit(record, tasks.findById(record.getTaskId()).orElseThrow());
    }

    private InspectionRecord submit(InspectionRecord record, InspectionTask task) {
        LocalDate today = today();
        teamPolicy(record.getMembers().stream().map(InspectionRecord.Member::userId).toList(), today).orThrow();
        deadlines(record.deadlines(), record.isDeadlineConfirmed(), today).orThrow();
        Actor actor = Actors.require();
        if (record.getSupersedesId() != null) {
            InspectionRecord previous = records.findById(record.getSupersedesId()).orElseThrow();
            record.originatedFrom(originOf(previous));
            previous.supersede();
            records.save(previous);
        }
        record.submit(task, actor.userId(), clock.instant());
        InspectionRecord saved = records.save(record);
        task.complete();
        // the status is all a submission changes on the task: its team is not rewritten
        if (tasks.updateStatus(task.getId(), task.getStatus().name(), task.getVersion()) == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("inspection task " + task.getId() + " changed meanwhile");
        }
        evidence.attach(saved.evidenceIds(), "现场检查记录", saved.getId());
        return saved;
    }

    private long originOf(InspectionRecord record) {
        InspectionRecord current = record;
        while (current.getSupersedesId() != null) {
            current = records.findById(current.getSupersedesId()).orElseThrow();
        }
        return current.getId();
    }

    /** Rectification deadlines: not before today; a rest day only when the officer confirms it. */
    public Verdict deadlines(List<LocalDate> deadlines, boolean nonWorkingDayConfirmed, LocalDate today) {
        for (LocalDate deadline : deadlines) {
            if (deadline.isBefore(today)) {
                return Verdict.refuse("整改期限" + DATE.format(deadline) + "早于今天（" + DATE.format(today) + "），请重新填写。");
            }
            CalendarDay day = calendar.day(deadline);
            if (!day.workingDay() && !nonWorkingDayConfirmed) {
                return Verdict.refuse("整改期限" + DATE.format(deadline) + "是非工作日（" + day.description()
                        + "），请改为工作日，或勾选“确认期限落在非工作日”后再提交。");
            }
        }
        return Verdict.allow();
    }

    /**
     * Holds the record's row until the caller's transaction ends, so that two issues of its documents (the listener
     * after the submission, the officer's 出具, a hazard's order) run one after the other: the second finds the first's.
     */
    void lockForIssue(long recordId) {
        jdbc.sql("SELECT id FROM inspection_record WHERE id = :id FOR UPDATE").param("id", recordId).query(Long.class).optional();
    }

    /**
     * Submits a whole record composed on a terminal, in one transaction. A record the task has no draft of yet is
     * composed in memory and written once, with the id it takes from its sequence (issue 18: it was inserted, read
     * back and rewritten, and its task written twice); a draft started on the record page is loaded and completed.
     */
    @Transactional
    public InspectionRecord submitComplete(RecordSubmission submission) {
        Actor actor = Actors.require();
        InspectionTask task = loadTask(submission.taskId());
        if (!task.team().contains(actor.userId())) {
            throw new RuleViolation("只有检查组成员可以开始本次检查。");
        }
        // a task not started yet has no record at all: a draft exists only once the record page started one (the task is
        // then in progress) or a correction was opened (done), so a first submission from a terminal looks for none
        InspectionRecord record = task.getStatus() == TaskStatus.ASSIGNED ? null : records.findByTaskId(task.getId()).stream()
                .filter(r -> r.getStatus() == RecordStatus.DRAFT).findFirst().orElse(null);
        Map<Long, String> names = new HashMap<>();
        if (record == null) {
            task.start();
            ChecklistTemplate template = templates.findById(task.getTemplateId()).orElseThrow();
            Map<Long, String> known = users.displayNames(task.team()); // one query for the team (was two per member)
            List<InspectionRecord.Member> team = task.team().stream()
                    .map(id -> new InspectionRecord.Member(id, known.getOrDefault(id, "（已删除的用户）"))).toList();
            team.forEach(member -> names.put(member.userId(), member.displayName()));
            long id = jdbc.sql("SELECT nextval('inspection_record_id_seq')").query(Long.class).single();
            record = InspectionRecord.start(id, task, template, team, actor.userId(), clock.instant(), false);
        }
        long recordId = record.getId();
        record.describe(submission.place(), submission.latitude(), submission.longitude(), submission.representativeName(),
                submission.representativeTitle(), submission.representativePhone(), submission.findings());
        for (RecordSubmission.ItemAnswer answer : submission.items()) {
            record.answer(answer.code(), answer.result(), answer.note(), answer.location(), answer.rectifyBy(),
                    answer.immediateMeasure());
        }
        if (submission.photos() != null) {
            evidence.find(submission.photos().stream().map(RecordSubmission.PhotoRef::evidenceId).toList())
                    .forEach(e -> scope.require(e.organizationId()));
            for (RecordSubmission.PhotoRef photo : submission.photos()) {
                record.attachPhoto(photo.evidenceId(), photo.itemCode());
            }
        }
        Instant now = clock.instant();
        if (submission.officerSignatures() != null) {
            for (RecordSubmission.OfficerSignature signature : submission.officerSignatures()) {
                SignatureImage image = SignatureImage.fromDataUrl(signature.png());
                String name = names.get(signature.userId());
                if (name == null) { // a draft's member (named when it started) or no member: as the user is named now
                    UserView officer = users.get(signature.userId());
                    name = officer.displayName();
                }
                record.signAsOfficer(signature.userId(), name, image.png(), image.sha256(), now);
            }
        }
        RecordSubmission.RepresentativeSignature representative = submission.representative();
        if (representative != null) {
            SignatureImage image = representative.refused() ? null : SignatureImage.fromDataUrl(representative.png());
            record.signAsRepresentative(representative.name(), image == null ? null : image.png(),
                    image == null ? null : image.sha256(), representative.refused(), representative.witness(), now);
        }
        record.confirmNonWorkingDeadline(submission.confirmNonWorkingDeadline());
        Audit.target("现场检查记录", recordId);
        return submit(record, task);
    }

    /** Starts a correction of a submitted record: a new version (to be signed and submitted) with a reason. */
    @Transactional
    public long correct(long recordId, String reason) {
        InspectionRecord record = record(recordId);
        Actor actor = Actors.require();
        if (record.getMembers().stream().noneMatch(m -> m.userId() == actor.userId())) {
            throw new RuleViolation("只有检查组成员可以更正现场检查记录。");
        }
        if (records.findByTaskId(record.getTaskId()).stream().anyMatch(r -> r.getStatus() == RecordStatus.DRAFT)) {
            throw RuleViolation.conflict("该记录已有未提交的更正版本。");
        }
        InspectionRecord correction = records.save(record.correct(reason, actor.userId(), clock.instant()));
        Audit.target("现场检查记录", correction.getId());
        Audit.detail("更正第" + record.getRecordVersion() + "版");
        return correction.getId();
    }

    /** Records of the user's subtree, newest first. */
    @Transactional(readOnly = true)
    public List<InspectionRecord> recentRecords(int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM inspection_record WHERE organization_id IN (:orgs) ORDER BY id DESC LIMIT :limit")
                .param("orgs", scope.visibleOrganizationIds()).param("limit", limit).query(Long.class).list();
        List<InspectionRecord> list = new ArrayList<>();
        records.findAllById(ids).forEach(list::add);
        list.sort(java.util.Comparator.comparing(InspectionRecord::getId).reversed());
        return list;
    }

    /** The submitted records of one enterprise, newest first (past inspections for the assessment). */
    @Transactional(readOnly = true)
    public List<InspectionRecord> recordsOf(long enterpriseId) {
        List<Long> ids = jdbc.sql("SELECT id FROM inspection_record WHERE enterprise_id = :e AND status = 'SUBMITTED' "
                + "ORDER BY started_at DESC LIMIT 20").param("e", enterpriseId).query(Long.class).list();
        List<InspectionRecord> list = new ArrayList<>();
        records.findAllById(ids).forEach(list::add);
        list.sort(java.util.Comparator.comparing(InspectionRecord::getStartedAt).reversed());
        return list;
    }

    /**
     * Replays, for every unit, the {@link InspectionRecorded} facts of the submitted (current) records started in
     * {@code year}, as if each were submitted now (no {@code correctionOf}): reporting rebuilds its read models from them.
     */
    @Transactional(readOnly = true)
    public void replayRecorded(int year, java.util.function.Consumer<InspectionRecorded> sink) {
        java.sql.Timestamp from = java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        try (var rows = jdbc.sql("SELECT r.id, r.task_id, r.enterprise_id, r.enterprise_name, r.kind, r.mode, r.started_at, r.organization_id, "
                        + "t.source, t.source_ref, (SELECT array_agg(m.user_id ORDER BY m.position) FROM inspection_record_member m "
                        + "WHERE m.inspection_record = r.id AND m.organization_id = r.organization_id) AS officers FROM inspection_record r "
                        + "JOIN inspection_task t ON t.id = r.task_id AND t.organization_id = r.organization_id "
                        + "WHERE r.status = 'SUBMITTED' AND r.started_at >= :from AND r.started_at < :to ORDER BY r.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    java.sql.Array array = rs.getArray("officers");
                    List<Long> officers = array == null ? List.of()
                            : java.util.Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).longValue()).toList();
                    return new InspectionRecorded(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("enterprise_id"),
                            rs.getString("enterprise_name"), InspectionKind.valueOf(rs.getString("kind")),
                            InspectionMode.valueOf(rs.getString("mode")),
                            LocalDate.ofInstant(rs.getTimestamp("started_at").toInstant(), InspectionRecord.ZONE),
                            rs.getLong("organization_id"), TaskSource.valueOf(rs.getString("source")), rs.getString("source_ref"),
                            officers, 0, null);
                }).stream()) {
            rows.forEach(sink);
        }
    }

    /** Visits and firms of a year in the user's subtree. */
    @Transactional(readOnly = true)
    public InspectionStatistics statistics(int year) {
        var orgs = scope.visibleOrganizationIds();
        String base = " FROM inspection_record r WHERE r.status = 'SUBMITTED' AND r.organization_id IN (:orgs)"
                + " AND r.started_at >= :from AND r.started_at < :to";
        java.sql.Timestamp from = java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        long visits = jdbc.sql("SELECT count(*)" + base).param("orgs", orgs).param("from", from).param("to", to)
                .query(Long.class).single();
        long firms = jdbc.sql("SELECT count(DISTINCT r.enterprise_id)" + base).param("orgs", orgs).param("from", from)
                .param("to", to).query(Long.class).single();
        java.util.Map<InspectionKind, Long> byKind = new java.util.EnumMap<>(InspectionKind.class);
        java.util.Map<InspectionKind, Long> firmsByKind = new java.util.EnumMap<>(InspectionKind.class);
        java.util.Map<InspectionMode, Long> byMode = new java.util.EnumMap<>(InspectionMode.class);
        jdbc.sql("SELECT r.kind, count(*), count(DISTINCT r.enterprise_id)" + base + " GROUP BY r.kind").param("orgs", orgs)
                .param("from", from).param("to", to).query((rs, n) -> {
                    byKind.put(InspectionKind.valueOf(rs.getString(1)), rs.getLong(2));
                    firmsByKind.put(InspectionKind.valueOf(rs.getString(1)), rs.getLong(3));
                    return null;
                }).list();
        jdbc.sql("SELECT r.mode, count(*)" + base + " GROUP BY r.mode").param("orgs", orgs).param("from", from)
                .param("to", to).query((rs, n) -> byMode.put(InspectionMode.valueOf(rs.getString(1)), rs.getLong(2))).list();
        List<InspectionStatistics.Row> perOfficer = jdbc.sql("SELECT m.user_id, max(m.display_name), count(*), "
                        + "count(DISTINCT r.enterprise_id)" + base.replace("FROM inspection_record r",
                        "FROM inspection_record r JOIN inspection_record_member m ON m.inspection_record = r.id AND m.organization_id = r.organization_id")
                        + " GROUP BY m.user_id ORDER BY count(*) DESC, m.user_id")
                .param("orgs", orgs).param("from", from).param("to", to)
                .query((rs, n) -> new InspectionStatistics.Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
        List<InspectionStatistics.Row> perUnit = jdbc.sql("SELECT r.organization_id, count(*), count(DISTINCT r.enterprise_id)"
                        + base + " GROUP BY r.organization_id ORDER BY count(*) DESC")
                .param("orgs", orgs).param("from", from).param("to", to)
                .query((rs, n) -> new InspectionStatistics.Row(rs.getLong(1), "", rs.getLong(2), rs.getLong(3))).list();
        return new InspectionStatistics(year, visits, firms, byKind, byMode, firmsByKind, perOfficer, perUnit);
    }

    /** Visits (submitted records) per month of the year in the user's scope (as counted by {@link #statistics}): index 1..12. */
    @Transactional(readOnly = true)
    public long[] visitsPerMonth(int year) {
        long[] months = new long[13];
        java.sql.Timestamp from = java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        jdbc.sql("SELECT EXTRACT(MONTH FROM r.started_at AT TIME ZONE :zone)::int, count(*) FROM inspection_record r "
                        + "WHERE r.status = 'SUBMITTED' AND r.organization_id IN (:orgs) AND r.started_at >= :from AND r.started_at < :to GROUP BY 1")
                .param("zone", InspectionRecord.ZONE.getId()).param("orgs", scope.visibleOrganizationIds())
                .param("from", from).param("to", to)
                .query((rs, n) -> months[rs.getInt(1)] = rs.getLong(2)).list();
        return months;
    }

    /**
     * The submitted records of one unit's subtree (within the user's scope) started in the year, newest first: the list
     * behind a unit's 检查家次 on the supervision dashboard.
     */
    @Transactional(readOnly = true)
    public List<InspectionRecord> submittedRecords(long unitId, int year, int limit) {
        java.util.Set<Long> unit = java.util.Set.copyOf(scope.subtreeIds(unitId));
        List<Long> orgs = scope.visibleOrganizationIds().stream().filter(unit::contains).toList();
        if (orgs.isEmpty()) {
            return List.of();
        }
        java.sql.Timestamp from = java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(InspectionRecord.ZONE).toInstant());
        List<Long> ids = jdbc.sql("SELECT id FROM inspection_record WHERE status = 'SUBMITTED' AND organization_id IN (:orgs) "
                        + "AND started_at >= :from AND started_at < :to ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("orgs", orgs).param("from", from).param("to", to).param("limit", limit).query(Long.class).list();
        List<InspectionRecord> list = new ArrayList<>();
        records.findAllById(ids).forEach(list::add);
        list.sort(java.util.Comparator.comparing(InspectionRecord::getStartedAt).reversed());
        return list;
    }

    public List<Registry.Enterprise> searchEnterprises(String keyword) {
        return registry.searchEnterprises(keyword, 20);
    }

    // ---- helpers

    private InspectionRecord loadForTeam(long recordId) {
        InspectionRecord record = record(recordId);
        long user = Actors.require().userId();
        if (record.getMembers().stream().noneMatch(m -> m.userId() == user)) {
            throw new RuleViolation("只有检查组成员可以填写和提交本记录。");
        }
        return record;
    }

    private InspectionTask loadTask(long id) {
        return loadTask(id, true);
    }

    private InspectionTask loadTask(long id, boolean checkScope) {
        InspectionTask task = tasks.findById(id).orElseThrow(() -> RuleViolation.notFound("检查任务不存在。"));
        if (checkScope) {
            scope.require(task.getOrganizationId());
        }
        return task;
    }

    private TaskView view(InspectionTask task) {
        Long recordId = task.getId() == null ? null : jdbc.sql(
                        "SELECT max(id) FROM inspection_record WHERE task_id = :id AND status <> 'SUPERSEDED'")
                .param("id", task.getId()).query(Long.class).optional().orElse(null);
        return view(task, new java.util.HashMap<>(), recordId);
    }

    /** @param names display names already looked up (filled as the team members are met) */
    private TaskView view(InspectionTask task, java.util.Map<Long, String> names, Long recordId) {
        List<String> teamNames = task.team().stream().map(id -> names.computeIfAbsent(id, users::displayName)).toList();
        return new TaskView(task.getId(), task.getOrganizationId(), task.getSource(), task.getSourceRef(),
                task.getEnterpriseId(), task.getEnterpriseName(), task.getKind(), task.getMode(), task.dueYearMonth(),
                task.team(), teamNames, task.getStatus(), task.isNoticeRequired(), task.getNoticeMethod(),
                task.getNoticeSentAt(), recordId, task.plannedYearMonth(), task.getCapException(), task.getCapExceptionNote());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), InspectionRecord.ZONE);
    }
}
