package cn.zhifa.publicity;

import cn.zhifa.casework.PenaltyDecisionRecorded;
import cn.zhifa.casework.ProcedureKind;
import cn.zhifa.documents.Authority;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.publicity.internal.ExchangeRows;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.publicity.internal.PersonalData;
import cn.zhifa.publicity.internal.Publication;
import cn.zhifa.publicity.internal.PublicationCommands;
import cn.zhifa.publicity.internal.Publications;
import cn.zhifa.publicity.internal.PublicityPeriods;
import cn.zhifa.publicity.internal.PublicityRules;
import cn.zhifa.publicity.internal.TypicalCases;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 行政处罚决定公示: each general-procedure decision is recorded 待公示 when it is made (from casework's
 * {@link PenaltyDecisionRecorded}), published by a leader of the case unit within the statutory period, withdrawn
 * when the decision is changed or revoked, and leaves the public portal at the end of its period. Public reads mask
 * natural persons' personal data.
 */
@Service
public class PublicityManagement {

    private static final Logger log = LoggerFactory.getLogger(PublicityManagement.class);

    private final Publications publications;
    private final PublicationCommands commands;
    private final PublicityPeriods periods;
    private final PublicityRules rules;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final DocumentManagement documents;
    private final ExchangeRows exchange;
    private final OfficerManagement officers;
    private final TypicalCases typicalCases;
    private final Clock clock;

    PublicityManagement(Publications publications, PublicationCommands commands, PublicityPeriods periods,
                        PublicityRules rules, DataScope scope, OrganizationManagement organizations,
                        DocumentManagement documents, ExchangeRows exchange, OfficerManagement officers,
                        TypicalCases typicalCases, Clock clock) {
        this.publications = publications;
        this.commands = commands;
        this.periods = periods;
        this.rules = rules;
        this.scope = scope;
        this.organizations = organizations;
        this.documents = documents;
        this.exchange = exchange;
        this.officers = officers;
        this.typicalCases = typicalCases;
        this.clock = clock;
    }

    /** A general-procedure decision becomes a publication awaiting its leader; summary-procedure ones are not published. */
    @EventListener
    @Transactional
    public void on(PenaltyDecisionRecorded decision) {
        if (decision.procedure() != ProcedureKind.ORDINARY) {
            return;
        }
        String authority = documents.authorityFor(decision.organizationId()).map(Authority::name)
                .or(() -> organizations.find(decision.organizationId()).map(OrganizationView::name))
                .orElse("");
        commands.record(decision, authority);
    }

    // ---- commands (a leader of the case unit)

    /** 公示 today on the own portal and the given channels. */
    @Transactional
    public PublicationView publish(long id, Set<Channel> channels) {
        Actor actor = leaderOf(id);
        Publication p = commands.publish(id, channels == null ? Set.of() : channels, actor.displayName(), today());
        return view(p, today());
    }

    /** 撤回 after the decision was changed or revoked on {@code changedOn}, the reason kept. */
    @Transactional
    public PublicationView withdraw(long id, LocalDate changedOn, String reason) {
        Actor actor = leaderOf(id);
        Publication p = commands.withdraw(id, changedOn, reason, actor.displayName(), today());
        return view(p, today());
    }

    /** 典型案例: a leader of the case unit approves a published decision for publication with the lesson in words. */
    @Transactional
    public PublicationView approveTypicalCase(long id, String lesson) {
        Actor actor = leaderOf(id);
        Publication p = publications.find(id).orElseThrow();
        typicalCases.approve(p, lesson, actor.displayName(), today(), false);
        return view(p, today());
    }

    /** Takes a typical case off the portal (the decision's own publication stays). */
    @Transactional
    public void removeTypicalCase(long id) {
        leaderOf(id);
        if (!typicalCases.remove(id)) {
            throw new RuleViolation("该处罚决定不是已公开的典型案例。");
        }
    }

    /** Which of the given publications are typical cases (for the leader's list). */
    @Transactional(readOnly = true)
    public Set<Long> typicalAmong(List<Long> publicationIds) {
        return typicalCases.among(publicationIds);
    }

    /** The typical cases on the portal today (their decision still public), newest approval first, masked. */
    @Transactional(readOnly = true)
    public Page<TypicalCase> publicTypicalCases(int page, int size) {
        LocalDate today = today();
        List<TypicalCase> all = new ArrayList<>();
        for (TypicalCases.Approval a : typicalCases.all()) {
            publications.find(a.publicationId()).filter(p -> p.publicOn(today)).ifPresent(p -> {
                PublicPenalty shown = publicView(p);
                all.add(new TypicalCase(shown.decisionNumber(), shown.partyName(), shown.partyKind(), shown.violation(),
                        shown.penalty(), shown.fineYuan(), shown.authority(), shown.decidedOn(),
                        PersonalData.mask(a.lesson(), p.person() ? p.partyAddress() : null), a.approvedOn()));
            });
        }
        return Page.of(all, page, size);
    }

    private Actor leaderOf(long id) {
        Actor actor = Actors.require();
        if (!actor.has(Role.LEADER)) {
            throw new AccessDeniedException("公示、撤回处罚决定须由办案单位负责人操作。");
        }
        Publication p = publications.find(id).orElseThrow(() -> RuleViolation.notFound("没有该处罚决定的公示记录。"));
        scope.require(p.organizationId());
        return actor;
    }

    // ---- reads (logged in, data scope)

    /** The publications of the user's scope: awaiting first (by due day), then the rest newest first. */
    @Transactional(readOnly = true)
    public List<PublicationView> publications(String filter) {
        return publications(filter, null, null, null);
    }

    /**
     * As {@link #publications(String)}, narrowed to the decisions due for publication in {@code year} (optional), to a
     * unit's subtree (optional, within the scope) and to what the statistics count ({@code counted}, optional):
     * {@code due} 应公示 (not withdrawn before publication), {@code published} 已公示, {@code on-time} 按时公示.
     */
    @Transactional(readOnly = true)
    public List<PublicationView> publications(String filter, Integer year, Long unit, String counted) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (unit != null) {
            java.util.Set<Long> subtree = java.util.Set.copyOf(scope.subtreeIds(unit));
            orgs = orgs.stream().filter(subtree::contains).toList();
        }
        if (orgs.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        Map<String, Object> params = new java.util.HashMap<>(Map.of("orgs", orgs));
        String inYear = "";
        if (year != null) {
            inYear = " AND p.due_on BETWEEN :from AND :to";
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("to", LocalDate.of(year, 12, 31));
        }
        List<PublicationView> all = publications.query("WHERE p.organization_id IN (:orgs)" + inYear + " ORDER BY p.due_on DESC, p.id DESC",
                        params).stream().filter(p -> switch (counted == null ? "" : counted) {
                    case "due" -> p.publishedOn() != null || p.withdrawnOn() == null;
                    case "published" -> p.publishedOn() != null;
                    case "on-time" -> p.publishedOn() != null && !p.publishedOn().isAfter(p.dueOn());
                    default -> true;
                }).map(p -> view(p, today)).toList();
        List<PublicationView> shown = new ArrayList<>(all.stream().filter(v -> switch (filter == null ? "" : filter) {
            case "awaiting" -> v.status() == PublicationStatus.AWAITING;
            case "overdue" -> v.overdue();
            case "published" -> v.status() == PublicationStatus.PUBLISHED;
            case "withdrawn" -> v.status() == PublicationStatus.WITHDRAWN;
            case "expired" -> v.status() == PublicationStatus.EXPIRED;
            default -> true;
        }).toList());
        shown.sort(Comparator.comparing((PublicationView v) -> v.status() != PublicationStatus.AWAITING)
                .thenComparing(v -> v.status() == PublicationStatus.AWAITING ? v.dueOn() : LocalDate.MAX)
                .thenComparing(PublicationView::decidedOn, Comparator.reverseOrder()));
        return shown;
    }

    @Transactional(readOnly = true)
    public PublicationView publication(long id) {
        Publication p = publications.find(id).orElseThrow(() -> RuleViolation.notFound("没有该处罚决定的公示记录。"));
        scope.require(p.organizationId());
        return view(p, today());
    }

    /** The publication of a case's decision by its case number, if it has one (for other modules, e.g. credit). */
    @Transactional(readOnly = true)
    public Optional<PublicationView> publicationOfCase(String caseNumber) {
        return publications.findByCaseNumber(caseNumber).map(p -> view(p, today()));
    }

    /** Awaiting publication in the user's scope: {@code [awaiting, overdue]}. */
    @Transactional(readOnly = true)
    public long[] awaitingCounts() {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return new long[] {0, 0};
        }
        Map<String, Object> params = Map.of("orgs", orgs, "today", today());
        String awaiting = "WHERE p.organization_id IN (:orgs) AND p.published_on IS NULL AND p.withdrawn_on IS NULL";
        return new long[] {publications.count(awaiting, params), publications.count(awaiting + " AND p.due_on < :today", params)};
    }

    // ---- public portal (no login)

    /** Published decisions on the portal today, newest first, searchable by party, decision number or violation. */
    @Transactional(readOnly = true)
    public Page<PublicPenalty> publicPenalties(String q, int page, int size) {
        LocalDate today = today();
        String like = q == null || q.isBlank() ? null : "%" + q.strip().replace("%", "").replace("_", "") + "%";
        String where = "WHERE p.published_on IS NOT NULL AND p.published_on <= :today AND p.withdrawn_on IS NULL"
                + " AND (p.expires_on IS NULL OR p.expires_on >= :today)"
                + (like == null ? "" : " AND (p.party_name LIKE :like OR p.decision_number LIKE :like OR p.violation LIKE :like"
                + " OR p.authority LIKE :like)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", today);
        if (like != null) {
            params.put("like", like);
        }
        long total = publications.count(where, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<PublicPenalty> items = publications.query(where + " ORDER BY p.published_on DESC, p.id DESC LIMIT :limit OFFSET :offset", params)
                .stream().map(PublicityManagement::publicView).toList();
        return new Page<>(items, page, size, total);
    }

    static PublicPenalty publicView(Publication p) {
        String address = p.person() ? p.partyAddress() : null;
        return new PublicPenalty(p.decisionNumber(), p.partyName(), p.person() ? "自然人" : "法人及非法人组织",
                p.person() ? PersonalData.maskCode(p.partyCode()) : p.partyCode(),
                PersonalData.mask(p.violation(), address), p.basis(), PersonalData.mask(p.penalty(), address), p.fineYuan(),
                p.authority(), p.decidedOn(), p.publishedOn(), p.expiresOn());
    }

    /** The authority the portal is named after. */
    public String portalAuthority() {
        if (!rules.portalAuthority().isBlank()) {
            return rules.portalAuthority();
        }
        return publications.query("ORDER BY p.id LIMIT 1", Map.of()).stream().map(Publication::authority).findFirst()
                .orElse("应急管理部门");
    }

    // ---- 亮证 check (no login)

    /** The certificate with this number as the public may see it: name, body, valid today or not. */
    @Transactional(readOnly = true)
    public Optional<OfficerCheck> officer(String certificateNo) {
        LocalDate today = today();
        return officers.byCertificateNo(certificateNo).map(c -> new OfficerCheck(c.getCertificateNo(), c.getOfficerName(),
                documents.authorityFor(c.getOrganizationId()).map(Authority::name)
                        .or(() -> organizations.find(c.getOrganizationId()).map(OrganizationView::name))
                        .orElse(c.getIssuingAuthority()),
                c.validOn(today), standingLabel(officers.standing(c, today)), c.getExpiresOn()));
    }

    private static String standingLabel(String standing) {
        return switch (standing) {
            case "VALID", "EXPIRING" -> "有效";
            case "EXPIRED" -> "已过期";
            case "SUSPENDED" -> "已暂扣";
            case "REVOKED" -> "已注销";
            default -> "尚未生效";
        };
    }

    // ---- publicity rate

    /** Decisions due for publication in {@code year} per unit of the user's scope, published, published on time. */
    @Transactional(readOnly = true)
    public PublicityStatistics statistics(int year) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        LocalDate today = today();
        List<Publication> due = orgs.isEmpty() ? List.of() : publications.query(
                "WHERE p.organization_id IN (:orgs) AND p.due_on BETWEEN :from AND :to",
                Map.of("orgs", orgs, "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31)));
        List<Publication> counted = due.stream().filter(Publication::dueForPublication).toList();
        Map<Long, long[]> perUnit = new LinkedHashMap<>();
        for (Long org : orgs) {
            organizations.find(org).filter(PublicityManagement::decidesCases).ifPresent(o -> perUnit.put(o.id(), new long[3]));
        }
        for (Publication p : counted) {
            long[] c = perUnit.computeIfAbsent(p.organizationId(), k -> new long[3]);
            c[0]++;
            if (p.publishedOn() != null) {
                c[1]++;
                if (!p.late()) {
                    c[2]++;
                }
            }
        }
        List<PublicityStatistics.UnitRate> units = perUnit.entrySet().stream()
                .map(e -> new PublicityStatistics.UnitRate(e.getKey(),
                        organizations.find(e.getKey()).map(OrganizationView::name).orElse(""),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], PublicityStatistics.rate(e.getValue()[2], e.getValue()[0])))
                .sorted(Comparator.comparing(PublicityStatistics.UnitRate::due).reversed()
                        .thenComparing(PublicityStatistics.UnitRate::unit))
                .toList();
        long total = counted.size();
        long published = counted.stream().filter(p -> p.publishedOn() != null).count();
        long onTime = counted.stream().filter(p -> p.publishedOn() != null && !p.late()).count();
        log.debug("publicity statistics {} on {}", year, today);
        return new PublicityStatistics(year, total, published, onTime, PublicityStatistics.rate(onTime, total), units);
    }

    /**
     * Replays, for every unit, the {@link PublicationRecorded} state of the publications due in {@code year}: reporting
     * rebuilds its publicity figures from them.
     */
    @Transactional(readOnly = true)
    public void replayPublications(int year, java.util.function.Consumer<PublicationRecorded> sink) {
        publications.query("WHERE p.due_on BETWEEN :from AND :to ORDER BY p.id",
                        Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31)))
                .forEach(p -> sink.accept(new PublicationRecorded(p.id(), p.organizationId(), p.dueOn(), p.publishedOn(),
                        p.withdrawnOn())));
    }

    private static boolean decidesCases(OrganizationView o) {
        return switch (o.kind()) {
            case CITY, DISTRICT, DETACHMENT, ZONE, PROVINCE -> true;
            case TOWNSHIP, DEPARTMENT -> false;
        };
    }

    // ---- 双公示 exchange

    /**
     * The 双公示 file of the decisions published in the user's scope between {@code from} and {@code to}, validated
     * (no empty mandatory field, valid 统一社会信用代码); the rows it carries are marked as sent to {@code channel}.
     * A file that fails validation is refused with every problem listed, and nothing is marked.
     */
    @Transactional
    public ExchangeFile exchange(LocalDate from, LocalDate to, String format, Channel channel) {
        Actor actor = Actors.require();
        if (!actor.has(Role.LEADER) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("双公示数据交换文件须由单位负责人或系统管理员导出。");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new RuleViolation("请填写正确的起止日期（结束日期不能早于开始日期）。");
        }
        if (channel != Channel.CREDIT_CHINA && channel != Channel.ENTERPRISE_CREDIT) {
            throw new RuleViolation("双公示交换文件只报送“信用中国”或“国家企业信用信息公示系统”。");
        }
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"csv".equalsIgnoreCase(format == null ? "csv" : format)) {
            throw new RuleViolation("导出格式只能是 csv 或 xlsx。");
        }
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        LocalDate today = today();
        List<Publication> rows = orgs.isEmpty() ? List.of() : publications.query(
                        "WHERE p.organization_id IN (:orgs) AND p.published_on BETWEEN :from AND :to AND p.withdrawn_on IS NULL"
                                + " ORDER BY p.published_on, p.id",
                        Map.of("orgs", orgs, "from", from, "to", to)).stream()
                .filter(p -> p.publicOn(today) || p.statusOn(today) == PublicationStatus.EXPIRED)
                .toList();
        if (rows.isEmpty()) {
            throw new RuleViolation(from + "至" + to + "没有已公示的行政处罚决定，无可导出的数据。");
        }
        ExchangeFile file = exchange.file(rows, xlsx, from, to, channel);
        commands.carried(rows, channel, today);
        return file;
    }

    // ---- due-soon / overdue sweep

    /** The daily sweep: records today's 临期/逾期 warnings for decisions awaiting publication (idempotent per day). */
    @Scheduled(cron = "${zhifa.publicity.sweep-cron:0 40 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "publicity-deadline-sweep")
    @Transactional
    public int sweep() {
        return commands.sweep(today());
    }

    /** Warnings the sweep raised today for the units of the user's scope: {@code [临期, 逾期]}. */
    @Transactional(readOnly = true)
    public long[] warningsToday() {
        return commands.warnings(List.copyOf(scope.visibleOrganizationIds()), today());
    }

    // ---- views

    private PublicationView view(Publication p, LocalDate today) {
        PublicationStatus status = p.statusOn(today);
        return new PublicationView(p.id(), p.caseId(), p.caseNumber(), p.decisionNumber(), p.organizationId(), p.partyName(),
                p.person() ? "自然人" : "法人及非法人组织", p.violation(), p.penalty(), p.fineYuan(), p.authority(),
                p.decidedOn(), p.dueOn(), p.dueProvisional(), status, p.publishedOn(), p.expiresOn(), p.channels(),
                p.late(), p.overdueOn(today), status == PublicationStatus.AWAITING && periods.dueSoon(today, p.dueOn()),
                p.changedOn(), p.withdrawalDueOn(), p.withdrawnOn(), p.withdrawalReason(), p.withdrawnLate());
    }

    /** E.g. "7个工作日（《中华人民共和国安全生产法》第七十八条）". */
    public String publicationPeriod() {
        return periods.publicationLabel() + "（" + periods.publicationSource() + "）";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
