package cn.zhifa.hazard;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.hazard.internal.FoundHazards;
import cn.zhifa.hazard.internal.HazardRegister;
import cn.zhifa.hazard.internal.Hazards;
import cn.zhifa.inspection.ChecklistManagement;
import cn.zhifa.inspection.ChecklistTemplate;
import cn.zhifa.inspection.FindingsRecorded;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.law.CodeCheck;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.Uscc;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard register: hazards from submitted inspection records (in the same transaction), free
 * hazards, the rectification loop, 挂牌督办, extensions, 曝光, and the daily overdue sweep.
 */
@Service
public class HazardManagement {

    private final Hazards hazards;
    private final HazardDocuments documents;
    private final EvidenceManagement evidence;
    private final InspectionManagement inspections;
    private final EnterpriseManagement enterprises;
    private final ChecklistManagement checklists;
    private final LegalCalendar calendar;
    private final DataScope scope;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int dueSoonWorkingDays;
    private final String overdueArticle;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final HazardRegister register;
    private final FoundHazards foundHazards;

    HazardManagement(Hazards hazards, HazardDocuments documents, EvidenceManagement evidence, InspectionManagement inspections,
                     EnterpriseManagement enterprises, ChecklistManagement checklists, LegalCalendar calendar,
                     DataScope scope, AuditTrail audit, JdbcClient jdbc, Clock clock,
                     org.springframework.context.ApplicationEventPublisher events, HazardRegister register,
                     FoundHazards foundHazards,
                     @Value("${zhifa.hazard.due-soon-working-days:3}") int dueSoonWorkingDays,
                     @Value("${zhifa.hazard.overdue-article:安全生产法（2021）第一百零二条}") String overdueArticle) {
        this.hazards = hazards;
        this.documents = documents;
        this.evidence = evidence;
        this.inspections = inspections;
        this.enterprises = enterprises;
        this.checklists = checklists;
        this.calendar = calendar;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.register = register;
        this.foundHazards = foundHazards;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
        this.overdueArticle = overdueArticle;
    }

    /**
     * Registers the failed items of a submitted record, inside the submission's transaction; a second delivery of the
     * same event adds nothing (checklist findings keyed by origin record and item, free findings by record and place).
     * The hazards are written in one batch that skips an item registered before by its key (issue 18: the record's
     * registered items were read first, and its 专项 asked of inspection; the event carries the 专项 now).
     */
    @EventListener
    public void on(FindingsRecorded recorded) {
        java.util.Set<String> items = new java.util.HashSet<>();
        Optional<Long> campaign = Optional.ofNullable(recorded.campaignId());
        List<Hazard> found = new ArrayList<>();
        int ordinal = 0;
        for (FindingsRecorded.Finding finding : recorded.findings()) {
            ordinal++;
            if (finding.itemCode() != null && !items.add(finding.itemCode())) {
                continue;
            }
            if (finding.itemCode() == null && !firstDeliveryOf(recorded.recordId(), ordinal)) {
                continue;
            }
            Hazard.Finding what = new Hazard.Finding(recorded.organizationId(), recorded.enterpriseId(),
                    recorded.enterpriseName(), recorded.recordId(), recorded.originRecordId(), finding.itemCode(),
                    HazardSource.INSPECTION, finding.major() ? HazardLevel.MAJOR : HazardLevel.GENERAL,
                    finding.criterion(), finding.location(), finding.description(), finding.legalBasis(),
                    recorded.officers().isEmpty() ? null : recorded.officers().get(0), recorded.inspectedOn());
            found.add(Hazard.found(what, finding.rectifyBy(), finding.immediateMeasure(), finding.evidenceIds(),
                    clock.instant(), recorded.demo()).inCampaign(campaign));
        }
        // one batch of inserts for the record's hazards, and one event for those it registered
        List<Long> ids = foundHazards.insert(found);
        List<HazardFound> registered = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (ids.get(i) != null) {
                registered.add(HazardFound.of(ids.get(i), found.get(i)));
            }
        }
        if (!registered.isEmpty()) {
            events.publishEvent(new HazardsFound(registered));
        }
    }

    /**
     * Takes the key of a free finding (record, place among its findings; V6_50): false when a delivery of the same
     * event took it before (a simultaneous one waits on the key until the first commits, then finds it taken).
     */
    private boolean firstDeliveryOf(long recordId, int ordinal) {
        return jdbc.sql("INSERT INTO hazard_free_finding (record_id, ordinal) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(recordId, ordinal).update() == 1;
    }

    /**
     * Officers register hazards of one enterprise outside a checklist (free finding) and order their rectification
     * on the spot: the 责令限期整改指令书 (one per deadline) or 现场处理措施决定书 is issued with the two officers' and
     * the person in charge's signatures (or the recorded refusal). One transaction: a refusal stores nothing.
     */
    @Transactional
    public List<Hazard> register(HazardRegistration registration) {
        Actor actor = Actors.require();
        requireOfficer("只有执法人员可以登记隐患并责令整改。");
        long organizationId = registration.organizationId() == null ? actor.organizationId() : registration.organizationId();
        scope.require(organizationId);
        if (registration.findings().isEmpty()) {
            throw new RuleViolation("请至少登记一条隐患。");
        }
        EnterpriseSummary firm = firmOf(registration);
        scope.require(firm.organizationId()); // the firm must be one this unit supervises, as on the enterprise picker
        Map<String, ChecklistTemplate.Item> items = new HashMap<>();
        List<HazardRegistration.Finding> findings = new ArrayList<>();
        int n = 1;
        for (HazardRegistration.Finding given : registration.findings()) {
            String which = registration.findings().size() == 1 ? "" : "第" + n + "条隐患：";
            HazardRegistration.Finding finding = withItem(given, which, items);
            findings.add(finding);
            if (finding.description() == null || finding.description().isBlank()) {
                throw new RuleViolation(which + "请填写隐患描述。");
            }
            if (finding.deadline() == null && (finding.immediateMeasure() == null || finding.immediateMeasure().isBlank())) {
                throw new RuleViolation(which + "请填写整改期限（责令限期整改）或现场处理措施。");
            }
            if ((finding.latitude() == null) != (finding.longitude() == null)
                    || finding.latitude() != null && (finding.latitude().abs().compareTo(java.math.BigDecimal.valueOf(90)) > 0
                    || finding.longitude().abs().compareTo(java.math.BigDecimal.valueOf(180)) > 0)) {
                throw new RuleViolation(which + "定位坐标无效：纬度应在 -90 至 90、经度在 -180 至 180 之间，且须同时提供。");
            }
            if (finding.deadline() != null) {
                Verdict verdict = inspections.deadlines(List.of(finding.deadline()),
                        Boolean.TRUE.equals(finding.confirmNonWorkingDeadline()), today());
                if (!verdict.allowed()) {
                    throw new RuleViolation(which + verdict.reason());
                }
            }
            n++;
        }
        HazardDocuments.Checked signed = documents.check(registration.signatures(), HazardDocuments.Wording.ORDER,
                actor, today());
        List<Hazard> saved = new ArrayList<>();
        for (HazardRegistration.Finding finding : findings) {
            evidence.attach(finding.evidenceIds(), "隐患", "新登记");
            saved.add(hazards.save(Hazard.found(new Hazard.Finding(organizationId, firm.id(), firm.name(),
                            registration.recordId(), registration.recordId(), null, HazardSource.FREE,
                            finding.level() == null ? HazardLevel.GENERAL : finding.level(), blankToNull(finding.criterion()),
                            finding.location(), finding.description(), blankToNull(finding.legalBasis()), actor.userId(),
                            today()),
                    finding.deadline(), finding.immediateMeasure(), finding.evidenceIds(), clock.instant(), false)
                    .foundAt(finding.latitude(), finding.longitude())
                    .inCampaign(registration.recordId() == null ? java.util.Optional.empty()
                            : inspections.campaignOfRecord(registration.recordId())))
                    // the copy Spring Data returns with its new id is rebuilt through the constructor, without the position
                    .foundAt(finding.latitude(), finding.longitude()));
        }
        documents.issueOrders(saved, signed, actor.username(), today());
        List<Hazard> ordered = new ArrayList<>();
        for (Hazard hazard : saved) {
            ordered.add(hazards.save(hazard));
        }
        ordered.forEach(hazard -> events.publishEvent(HazardFound.of(hazard)));
        Audit.target("隐患", ordered.get(0).getId());
        if (ordered.size() > 1) {
            Audit.detail("同时登记隐患 " + ordered.stream().map(h -> String.valueOf(h.getId()))
                    .collect(java.util.stream.Collectors.joining("、")));
        }
        return ordered;
    }

    /** The finding completed from the checklist item it names: the item's 判定标准, legal basis and level. */
    private HazardRegistration.Finding withItem(HazardRegistration.Finding finding, String which,
                                                Map<String, ChecklistTemplate.Item> items) {
        String code = blankToNull(finding.criterion());
        if (code == null) {
            return finding;
        }
        if (items.isEmpty()) {
            checklists.current().forEach(t -> t.getItems().forEach(i -> items.putIfAbsent(i.code(), i)));
        }
        ChecklistTemplate.Item item = items.get(code.split("\\s+")[0]);
        if (item == null) {
            throw new RuleViolation(which + "未找到检查项或判定标准条目“" + code + "”，请从列表中选择。");
        }
        return new HazardRegistration.Finding(item.major() ? HazardLevel.MAJOR : finding.level(), item.criterion(),
                finding.location(), blankToNull(finding.description()) == null ? item.violationText() : finding.description(),
                blankToNull(finding.legalBasis()) == null ? item.legalBasis() : finding.legalBasis(), finding.deadline(),
                finding.confirmNonWorkingDeadline(), finding.immediateMeasure(), finding.evidenceIds(), finding.latitude(),
                finding.longitude());
    }

    /**
     * The firm a registration names: by id (picked from the registry or the day's offline firms) or, for a firm the
     * officer met on site and typed in, by its 统一社会信用代码 checked as GB 32100 prescribes.
     */
    private EnterpriseSummary firmOf(HazardRegistration registration) {
        if (registration.enterpriseId() > 0 || registration.enterpriseUscc() == null || registration.enterpriseUscc().isBlank()) {
            return enterprises.find(registration.enterpriseId()).orElseThrow(() -> new RuleViolation("请选择被检查企业。"));
        }
        String code = registration.enterpriseUscc().strip().toUpperCase();
        CodeCheck<Uscc> check = Uscc.parse(code);
        if (!check.reason().isEmpty()) {
            throw new RuleViolation("统一社会信用代码“" + code + "”有误：" + check.reason() + "。");
        }
        return enterprises.findByUscc(code).orElseThrow(() -> new RuleViolation(
                "企业库中没有统一社会信用代码为 " + code + " 的企业：请核对代码，或先在企业库登记该企业后再登记隐患。"));
    }

    @Transactional(readOnly = true)
    public Hazard get(long id) {
        Hazard hazard = hazards.findById(id).orElseThrow(() -> RuleViolation.notFound("隐患不存在。"));
        scope.require(hazard.getOrganizationId());
        return hazard;
    }

    /**
     * Officers confirm a self-reported hazard and order its rectification: the 责令限期整改指令书 (or 现场处理措施决定书)
     * is issued with the signatures (or the recorded refusal) in the same transaction.
     */
    @Transactional
    public Optional<IssuedDocument> confirm(long id, LocalDate deadline, String immediateMeasure,
                                            boolean confirmNonWorkingDeadline, RecheckSignatures signatures) {
        Hazard hazard = load(id);
        requireOfficer("只有执法人员可以核实隐患并责令整改。");
        Actor actor = Actors.require();
        if (deadline != null) {
            inspections.deadlines(List.of(deadline), confirmNonWorkingDeadline, today()).orThrow();
        }
        hazard.confirm(deadline, immediateMeasure);
        HazardDocuments.Checked signed = documents.check(signatures, HazardDocuments.Wording.ORDER, actor, today());
        List<IssuedDocument> issued = documents.issueOrders(List.of(hazard), signed, actor.username(), today());
        events.publishEvent(HazardFound.of(hazards.save(hazard)));
        return issued.stream().findFirst();
    }

    /** The firm's rectification report with evidence (entered by an officer or by the firm itself). */
    @Transactional
    public void reportRectification(long id, String report, List<Long> evidenceIds) {
        Hazard hazard = load(id);
        evidence.attach(evidenceIds, "隐患", id);
        hazard.reportRectification(report, evidenceIds, Actors.require().displayName(), clock.instant());
        hazards.save(hazard);
    }

    /**
     * 复查 → 整改复查意见书: the officers' and the person in charge's signatures (or refusal) are checked first;
     * a refusal stores nothing. Returns the issued 整改复查意见书, empty when there is no order to refer to.
     */
    @Transactional
    public java.util.Optional<cn.zhifa.documents.IssuedDocument> reinspect(long id, boolean passed, String opinion,
            LocalDate newDeadline, boolean confirmNonWorkingDeadline, List<Long> evidenceIds, RecheckSignatures signatures) {
        Hazard hazard = load(id);
        requireOfficer();
        Actor actor = Actors.require();
        if (!passed && newDeadline != null) {
            inspections.deadlines(List.of(newDeadline), confirmNonWorkingDeadline, today()).orThrow();
        }
        HazardDocuments.Checked signed = documents.check(signatures, actor, today());
        evidence.attach(evidenceIds, "隐患", id);
        hazard.reinspect(passed, opinion, newDeadline, evidenceIds, actor.userId(), clock.instant(), today());
        Hazard saved = hazards.save(hazard);
        java.util.LinkedHashSet<Long> officers = new java.util.LinkedHashSet<>(List.of(actor.userId()));
        if (signatures != null) {
            signatures.officers().forEach(signature -> officers.add(signature.userId()));
        }
        officers.forEach(officer -> events.publishEvent(
                new cn.zhifa.registry.EnforcementActRecorded(officer, saved.getEnterpriseId(), today(), "复查")));
        java.util.Optional<cn.zhifa.documents.IssuedDocument> issued =
                documents.issueRecheckOpinion(saved, signed, actor.username(), today());
        Audit.target("隐患", id);
        return issued;
    }

    /** 销号 by a second officer, with evidence on file. */
    @Transactional
    public void close(long id) {
        Hazard hazard = load(id);
        requireOfficer();
        hazard.close(Actors.require().userId(), clock.instant(), today());
        hazards.save(hazard);
    }

    @Transactional
    public void supervise(long id, String responsiblePerson, String measures, BigDecimal funds, LocalDate timeLimit,
                          String contingencyPlan) {
        Hazard hazard = load(id);
        requireLeader("挂牌督办须由领导决定。");
        hazard.supervise(responsiblePerson, measures, funds, timeLimit, contingencyPlan, Actors.require().userId(),
                clock.instant(), today());
        hazards.save(hazard);
    }

    @Transactional
    public void expose(long id, boolean exposed) {
        Hazard hazard = load(id);
        requireLeader("曝光须由领导决定。");
        hazard.expose(exposed, today());
        hazards.save(hazard);
    }

    @Transactional
    public void requestExtension(long id, LocalDate requested, String reason, boolean confirmNonWorkingDeadline) {
        Hazard hazard = load(id);
        if (requested != null) {
            inspections.deadlines(List.of(requested), confirmNonWorkingDeadline, today()).orThrow();
        }
        hazard.requestExtension(requested, reason, Actors.require().displayName(), clock.instant());
        hazards.save(hazard);
    }

    @Transactional
    public void decideExtension(long id, boolean approve) {
        Hazard hazard = load(id);
        requireLeader("延期申请须由领导审批。");
        hazard.decideExtension(approve, Actors.require().userId(), clock.instant());
        hazards.save(hazard);
    }

    /**
     * Publishes {@link HazardOverdue} for every hazard newly past its deadline (daily, and on demand), once per deadline.
     * Set-based: one UPDATE marks them (the same rule as {@link Hazard#overdueOn}: under a 责令限期整改 deadline, still
     * rectifying, the day after the deadline) and returns what the events carry; a second run finds nothing. One audit
     * entry per sweep: each hazard's event is stored by the event publication registry in the same transaction.
     * Returns how many were found.
     */
    @Transactional
    @Scheduled(cron = "${zhifa.hazard.overdue-sweep:0 5 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "hazard-overdue-sweep")
    public int sweepOverdue() {
        LocalDate today = today();
        List<HazardOverdue> overdue = jdbc.sql("""
                        UPDATE hazard SET overdue_notified_for = deadline, version = version + 1
                        WHERE status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today
                          AND overdue_notified_for IS DISTINCT FROM deadline
                        RETURNING id, organization_id, enterprise_id, enterprise_name, description, level, deadline,
                                  legal_basis, found_by, campaign_id""")
                .param("today", today)
                .query((rs, n) -> new HazardOverdue(rs.getLong("id"), rs.getLong("organization_id"),
                        rs.getLong("enterprise_id"), rs.getString("enterprise_name"), rs.getString("description"),
                        HazardLevel.valueOf(rs.getString("level")), rs.getObject("deadline", LocalDate.class), today,
                        rs.getString("legal_basis"), overdueArticle, rs.getObject("found_by", Long.class),
                        rs.getObject("campaign_id", Long.class)))
                .list();
        overdue.forEach(events::publishEvent);
        if (!overdue.isEmpty()) {
            // one entry per sweep (each hazard's case proposal is audited with the hazard by casework's listener)
            audit.record("隐患逾期未整改", "隐患", overdue.size() == 1 ? overdue.get(0).hazardId() : null,
                    AuditRecord.Outcome.SUCCESS, "新增逾期未整改隐患" + overdue.size() + "项，建议依据" + overdueArticle + "立案");
        }
        return overdue.size();
    }

    /** The most rows the register counts exactly; a total of {@code countCap() + 1} means more. */
    public int countCap() {
        return register.countCap();
    }

    /** One page of the register: filtered (逾期/临期 by the working-day calendar), ordered and paged in SQL. */
    @Transactional(readOnly = true)
    public cn.zhifa.shared.web.Page<HazardView> search(HazardQuery query) {
        return register.search(query, today());
    }

    /**
     * {@link #search(HazardQuery)} for a page that has read the caller's {@link #units()} already: the rows' unit names
     * are taken from them instead of being read again.
     */
    @Transactional(readOnly = true)
    public cn.zhifa.shared.web.Page<HazardView> search(HazardQuery query, List<cn.zhifa.organization.OrganizationView> units) {
        return register.search(query, today(), units);
    }

    /** How many hazards in the caller's scope match the filter (overdue, due-soon …), counted in SQL. */
    @Transactional(readOnly = true)
    public long count(String filter) {
        return register.count(filter, today());
    }

    /** {@link #count} of several filters (e.g. overdue and due-soon) in one query, by filter in the order given. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> counts(java.util.List<String> filters) {
        return register.counts(filters, today());
    }

    /** Overdue hazards per unit of the caller's scope, each unit's own (not its subunits'), in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> overduePerUnit() {
        return register.overduePerUnit(today());
    }

    /** The units the caller may filter the register by (own unit and below). */
    public List<cn.zhifa.organization.OrganizationView> units() {
        return register.units();
    }

    /** Runs a page's steps (evidence upload and the loop step) in one transaction: a refusal keeps nothing. */
    @Transactional
    public void inTransaction(Runnable steps) {
        steps.run();
    }

    public HazardView view(Hazard hazard) {
        LocalDate today = today();
        boolean overdue = hazard.overdueOn(today);
        boolean dueSoon = !overdue && hazard.getStatus() == HazardStatus.RECTIFYING && hazard.getDeadline() != null
                && !hazard.getDeadline().isBefore(today)
                && calendar.workingDaysBetween(today, hazard.getDeadline()).workingDays() <= dueSoonWorkingDays;
        return new HazardView(hazard.getId(), hazard.getEnterpriseName(), hazard.getEnterpriseId(), hazard.getLevel(),
                hazard.getStatus(), hazard.getDescription(), hazard.getLocation(), hazard.getMeasure(),
                hazard.getDeadline(), hazard.getFoundOn(), overdue, dueSoon, hazard.isSupervised(), hazard.isExposed(),
                hazard.getRecordId(), hazard.getOrganizationId(), register.unitName(hazard.getOrganizationId()));
    }

    /** The other hazards listed in the same 责令限期整改指令书 / 现场处理措施决定书 as this one (registered together). */
    @Transactional(readOnly = true)
    public List<HazardView> sharingOrderWith(Hazard hazard) {
        if (hazard.getOrderDocumentId() == null) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT id FROM hazard WHERE order_document_id = :d AND id <> :id ORDER BY id")
                .param("d", hazard.getOrderDocumentId()).param("id", hazard.getId()).query(Long.class).list();
        List<HazardView> views = new ArrayList<>();
        hazards.findAllById(ids).forEach(h -> views.add(view(h)));
        views.sort(java.util.Comparator.comparingLong(HazardView::id));
        return views;
    }

    /**
     * How many hazards were registered from each of these inspection records (failed items, free findings added to the
     * record later and those of its corrections, counted by the record's first version); records without any are absent.
     * Counts only, no data scope: the public 双随机 results show them. One grouped query.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> countsByRecord(java.util.Collection<Long> recordIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (recordIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT origin_record_id, count(*) FROM hazard WHERE origin_record_id IN (:ids) GROUP BY origin_record_id")
                .param("ids", recordIds).query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /** The open hazards of one enterprise (for the 检查前分析评估表). */
    @Transactional(readOnly = true)
    public List<HazardView> openOf(long enterpriseId) {
        List<Long> ids = jdbc.sql("SELECT id FROM hazard WHERE enterprise_id = :e AND status <> 'CLOSED' ORDER BY id")
                .param("e", enterpriseId).query(Long.class).list();
        List<HazardView> views = new ArrayList<>();
        hazards.findAllById(ids).forEach(h -> views.add(view(h)));
        return views;
    }

    /** Hazards found in a year in the user's subtree. */
    @Transactional(readOnly = true)
    public HazardStatistics statistics(int year) {
        return statistics(year, scope.visibleOrganizationIds());
    }

    /** As {@link #statistics(int)} over the given units (the caller checked they are in scope). */
    @Transactional(readOnly = true)
    public HazardStatistics statistics(int year, java.util.Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new HazardStatistics(year, 0, 0, 0, 0, 0, List.of(), List.of());
        }
        LocalDate today = today();
        String sums = "count(*), sum(CASE WHEN level = 'MAJOR' THEN 1 ELSE 0 END), sum(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN status = 'CLOSED' AND level = 'MAJOR' THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today THEN 1 ELSE 0 END)";
        String base = " FROM hazard WHERE organization_id IN (:orgs) AND found_on BETWEEN :from AND :to AND status <> 'REPORTED'";
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long[] totals = jdbc.sql("SELECT " + sums + base).param("orgs", orgs).param("from", from).param("to", to)
                .param("today", today)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        List<HazardStatistics.Row> perOfficer = jdbc.sql("SELECT found_by, " + sums + base
                        + " AND found_by IS NOT NULL GROUP BY found_by ORDER BY count(*) DESC")
                .param("orgs", orgs).param("from", from).param("to", to).param("today", today)
                .query((rs, n) -> new HazardStatistics.Row(rs.getLong(1), "", rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(6))).list();
        List<HazardStatistics.Row> perUnit = jdbc.sql("SELECT organization_id, " + sums + base
                        + " GROUP BY organization_id ORDER BY count(*) DESC")
                .param("orgs", orgs).param("from", from).param("to", to).param("today", today)
                .query((rs, n) -> new HazardStatistics.Row(rs.getLong(1), "", rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(6))).list();
        return new HazardStatistics(year, totals[0], totals[1], totals[2], totals[3], totals[4], perOfficer, perUnit);
    }

    /**
     * Replays, for every unit, the {@link HazardFound} facts of the hazards found in {@code year} (confirmed self-reports
     * included, unconfirmed ones not) and the {@link HazardClosed} facts of those since 销号: reporting rebuilds its read
     * model from them.
     */
    @Transactional(readOnly = true)
    public void replayFacts(int year, java.util.function.Consumer<HazardFound> found, java.util.function.Consumer<HazardClosed> closed) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        try (var rows = jdbc.sql("""
                        SELECT id, organization_id, enterprise_id, enterprise_name, level, description, found_on, status, closed_at
                        FROM hazard WHERE found_on BETWEEN :from AND :to AND status <> 'REPORTED' ORDER BY id""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> {
                    HazardFound f = new HazardFound(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("enterprise_id"),
                            rs.getString("enterprise_name"), HazardLevel.valueOf(rs.getString("level")),
                            rs.getString("description"), rs.getObject("found_on", LocalDate.class));
                    java.sql.Timestamp at = rs.getTimestamp("closed_at");
                    HazardClosed c = !"CLOSED".equals(rs.getString("status")) ? null : new HazardClosed(f.hazardId(),
                            f.organizationId(), f.enterpriseId(), f.level(),
                            at == null ? f.foundOn() : LocalDate.ofInstant(at.toInstant(), zone));
                    return new Object[]{f, c};
                }).stream()) {
            rows.forEach(pair -> {
                found.accept((HazardFound) pair[0]);
                if (pair[1] != null) {
                    closed.accept((HazardClosed) pair[1]);
                }
            });
        }
    }

    /** The hazard figures the annual reports print beside {@link HazardStatistics}: 挂牌督办, 曝光, 企业自报 (found in the year). */
    /** Hazards found and 重大隐患 among them in one 专项 (planning's campaign id). */
    public record CampaignFigures(long campaignId, long found, long major) {
    }

    /** Hazards per 专项 among {@code campaignIds}; a 专项 without any is absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, CampaignFigures> figuresByCampaign(java.util.Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("""
                SELECT campaign_id, count(*), count(*) FILTER (WHERE level = 'MAJOR') FROM hazard
                WHERE campaign_id IN (:ids) GROUP BY campaign_id""").param("ids", campaignIds)
                .query((rs, n) -> new CampaignFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list().stream()
                .collect(java.util.stream.Collectors.toMap(CampaignFigures::campaignId, f -> f));
    }

    public record ReportFigures(long supervised, long exposed, long selfReported) {
    }

    @Transactional(readOnly = true)
    public ReportFigures reportFigures(int year, java.util.Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new ReportFigures(0, 0, 0);
        }
        return jdbc.sql("SELECT count(*) FILTER (WHERE supervised), count(*) FILTER (WHERE exposed), "
                        + "count(*) FILTER (WHERE source = 'SELF_REPORT') FROM hazard WHERE organization_id IN (:orgs) "
                        + "AND found_on BETWEEN :from AND :to AND status <> 'REPORTED'")
                .param("orgs", List.copyOf(orgs)).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new ReportFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Hazards of a period (a month or quarter of a 统计报表): found and major found in it, 销号 in it. */
    public record PeriodFigures(long found, long major, long closed) {
    }

    @Transactional(readOnly = true)
    public PeriodFigures periodFigures(LocalDate from, LocalDate to, java.util.Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new PeriodFigures(0, 0, 0);
        }
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        return jdbc.sql("SELECT count(*) FILTER (WHERE found_on BETWEEN :from AND :to AND status <> 'REPORTED'), "
                        + "count(*) FILTER (WHERE found_on BETWEEN :from AND :to AND status <> 'REPORTED' AND level = 'MAJOR'), "
                        + "count(*) FILTER (WHERE closed_at >= :start AND closed_at < :end) FROM hazard WHERE organization_id IN (:orgs)")
                .param("orgs", List.copyOf(orgs)).param("from", from).param("to", to)
                .param("start", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new PeriodFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** As {@link #periodFigures} for each of {@code orgs} alone (its own hazards), in one query; a unit without any is absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, PeriodFigures> periodFiguresPerUnit(LocalDate from, LocalDate to, java.util.Collection<Long> orgs) {
        java.util.Map<Long, PeriodFigures> result = new java.util.HashMap<>();
        if (orgs.isEmpty()) {
            return result;
        }
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        jdbc.sql("SELECT organization_id, count(*) FILTER (WHERE found_on BETWEEN :from AND :to AND status <> 'REPORTED'), "
                        + "count(*) FILTER (WHERE found_on BETWEEN :from AND :to AND status <> 'REPORTED' AND level = 'MAJOR'), "
                        + "count(*) FILTER (WHERE closed_at >= :start AND closed_at < :end) FROM hazard WHERE organization_id IN (:orgs) "
                        + "GROUP BY organization_id")
                .param("orgs", List.copyOf(orgs)).param("from", from).param("to", to)
                .param("start", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> result.put(rs.getLong(1), new PeriodFigures(rs.getLong(2), rs.getLong(3), rs.getLong(4)))).list();
        return result;
    }

    /** Hazards found per month of the year in the user's scope (as counted by {@link #statistics}): index 1..12. */
    @Transactional(readOnly = true)
    public long[] foundPerMonth(int year) {
        long[] months = new long[13];
        jdbc.sql("SELECT EXTRACT(MONTH FROM found_on)::int, count(*) FROM hazard WHERE organization_id IN (:orgs) "
                        + "AND found_on BETWEEN :from AND :to AND status <> 'REPORTED' GROUP BY 1")
                .param("orgs", scope.visibleOrganizationIds()).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> months[rs.getInt(1)] = rs.getLong(2)).list();
        return months;
    }

    public int dueSoonWorkingDays() {
        return dueSoonWorkingDays;
    }

    public String overdueArticle() {
        return overdueArticle;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
    }

    private Hazard load(long id) {
        Hazard hazard = get(id);
        Audit.target("隐患", id);
        return hazard;
    }

    private static void requireOfficer() {
        requireOfficer("只有执法人员可以复查和销号。");
    }

    private static void requireOfficer(String refusal) {
        if (!Actors.require().has(Role.OFFICER)) {
            throw new RuleViolation(refusal);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireLeader(String refusal) {
        if (!Actors.require().has(Role.LEADER)) {
            throw new RuleViolation(refusal);
        }
    }
}
