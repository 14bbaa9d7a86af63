package cn.zhifa.planning;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.planning.internal.Draws;
import cn.zhifa.planning.internal.EnterpriseFeatureSource;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 双随机、一公开 draws: {@link #prepare} freezes and hashes the candidate lists and commits to a secret,
 * {@link #execute} derives the seed and draws (publishing {@link InspectionTasksDrawn}), {@link #voidDraw} is the only
 * way to draw again and needs a reason. Executed draws are public with everything needed to recompute them.
 */
@Service
public class DrawManagement {

    private static final SecureRandom SECRETS = new SecureRandom();

    private final Draws draws;
    private final EnterpriseFeatureSource enterprises;
    private final GradingManagement grading;
    private final FrequencyControl frequency;
    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final OfficerManagement officerRegister;
    private final DataScope scope;
    private final PlanningRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    DrawManagement(Draws draws, EnterpriseFeatureSource enterprises, GradingManagement grading, FrequencyControl frequency,
                   OrganizationManagement organizations, UserManagement users, OfficerManagement officerRegister,
                   DataScope scope, PlanningRules rules, JdbcClient jdbc, Clock clock) {
        this.officerRegister = officerRegister;
        this.draws = draws;
        this.enterprises = enterprises;
        this.grading = grading;
        this.frequency = frequency;
        this.organizations = organizations;
        this.users = users;
        this.scope = scope;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A 抽查事项 of the 随机抽查事项清单. */
    public record CheckItem(String code, String name, String legalBasis) {
    }

    public List<CheckItem> checkItems(long organizationId) {
        return jdbc.sql("""
                SELECT code, name, legal_basis FROM planning_check_item WHERE organization_id IN (:orgs) ORDER BY code""")
                .param("orgs", ancestorsAndSelf(organizationId))
                .query((rs, i) -> new CheckItem(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional
    public void defineCheckItem(long organizationId, String code, String name, String legalBasis) {
        scope.require(organizationId);
        if (code == null || code.isBlank() || name == null || name.isBlank() || legalBasis == null || legalBasis.isBlank()) {
            throw new RuleViolation("抽查事项须填写编号、名称和法律依据。");
        }
        if (checkItems(organizationId).stream().anyMatch(i -> i.code().equals(code.strip()))) {
            throw new RuleViolation("抽查事项编号“" + code.strip() + "”已存在。");
        }
        jdbc.sql("INSERT INTO planning_check_item (organization_id, code, name, legal_basis) VALUES (?, ?, ?, ?)")
                .params(organizationId, code.strip(), name.strip(), legalBasis.strip()).update();
        Audit.target("抽查事项", code.strip());
    }

    private List<Long> ancestorsAndSelf(long organizationId) {
        List<Long> ids = new ArrayList<>();
        Long current = organizationId;
        while (current != null) {
            ids.add(current);
            current = organizations.find(current).map(OrganizationView::parentId).orElse(null);
        }
        return ids;
    }

    public List<RandomDraw> visibleDraws() {
        return draws.findByOrganizations(scope.visibleOrganizationIds());
    }

    public RandomDraw get(long id) {
        RandomDraw draw = draws.findById(id).orElseThrow(() -> RuleViolation.notFound("抽取记录不存在。"));
        scope.require(draw.getOrganizationId());
        return draw;
    }

    /** Executed (and voided) draws, for the public page: no login, no data scope. */
    public List<RandomDraw> publishedDraws() {
        return draws.findPublished();
    }

    public RandomDraw publishedDraw(long id) {
        return draws.findById(id).filter(d -> d.getSeed() != null)
                .orElseThrow(() -> RuleViolation.notFound("没有公开的抽取记录。"));
    }

    /** Freezes the candidate lists and the commitment; nothing is drawn yet. */
    @Transactional
    public RandomDraw prepare(DrawRequest request) {
        scope.require(request.organizationId());
        Audit.target("双随机抽取", null);
        YearMonth month = YearMonth.parse(request.month());
        if (request.teamSize() < rules.minimumTeamSize()) {
            throw new RuleViolation("每组执法人员不得少于 " + rules.minimumTeamSize() + " 名（" + rules.teamSource() + "）。");
        }
        CheckItem item = checkItems(request.organizationId()).stream().filter(i -> i.code().equals(request.itemCode()))
                .findFirst().orElseThrow(() -> new RuleViolation("抽查事项不存在，请先在抽查事项清单中定义。"));
        if (draws.countLive(request.organizationId(), month.toString(), item.code()) > 0) {
            throw RuleViolation.conflict(month + " 已就“" + item.name() + "”抽取过；重新抽取须先说明理由作废原抽取。");
        }
        long officerOrg = request.mode() == DrawMode.CROSS ? crossAgency(request) : request.organizationId();

        List<EnterpriseFeatures> pool = pool(request, month.getYear());
        List<DrawInput.Candidate> firms = pool.stream().map(f -> new DrawInput.Candidate(f.enterpriseId(), f.townNumber())).toList();
        List<OfficerSummary> officers = officers(officerOrg);
        List<DrawInput.Candidate> officerCandidates = officers.stream()
                .map(o -> new DrawInput.Candidate(o.userId(), o.townCode() == null || o.townCode().isBlank() ? null
                        : Long.valueOf(o.townCode()))).toList();
        List<String> joint = request.mode() == DrawMode.JOINT ? jointLines(request.jointInspectors()) : List.of();
        int jointSize = request.mode() == DrawMode.JOINT ? (request.jointSize() == null ? 1 : request.jointSize()) : 0;
        if (request.mode() == DrawMode.JOINT && (joint.isEmpty() || jointSize < 1)) {
            throw new RuleViolation("部门联合抽查须填写联合部门检查人员（每行“单位 姓名”），每组至少 1 名。");
        }
        List<DrawInput.Candidate> jointCandidates = new ArrayList<>();
        for (int i = 0; i < joint.size(); i++) {
            jointCandidates.add(new DrawInput.Candidate(i + 1, null));
        }
        int count = request.count() != null ? request.count()
                : request.ratio() != null ? Math.max(1, BigDecimal.valueOf(firms.size()).multiply(request.ratio())
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue()) : 0;
        if (count == 0) {
            throw new RuleViolation("请填写抽取比例或抽取数量。");
        }
        Set<Long> firmIds = pool.stream().map(EnterpriseFeatures::enterpriseId).collect(Collectors.toSet());
        Set<Long> officerIds = officers.stream().map(OfficerSummary::userId).collect(Collectors.toSet());
        DrawInput input = new DrawInput(firms, count, officerCandidates, request.teamSize(), jointCandidates, jointSize,
                rules.townRecusal(), recusals(firmIds, officerIds), previousTeams(firmIds));

        StringBuilder names = new StringBuilder();
        pool.forEach(f -> names.append("F|").append(f.enterpriseId()).append('|').append(f.name())
                .append(f.townName() == null ? "" : "（" + f.townName() + "）").append('\n'));
        officers.forEach(o -> names.append("O|").append(o.userId()).append('|').append(o.name()).append('\n'));
        for (int i = 0; i < joint.size(); i++) {
            names.append("J|").append(i + 1).append('|').append(joint.get(i)).append('\n');
        }
        byte[] secretBytes = new byte[32];
        SECRETS.nextBytes(secretBytes);
        RandomDraw draw = RandomDraw.freeze(draws.nextId(), request.organizationId(), officerOrg, request.mode(), item.code(), item.name(),
                item.legalBasis(), month, describe(request, pool.size()), input, HexFormat.of().formatHex(secretBytes),
                names.toString(), Actors.require().displayName(), clock.instant());
        RandomDraw saved = draws.save(draw);
        Audit.target("双随机抽取", saved.getId());
        Audit.detail("冻结候选名单：企业 " + firms.size() + " 家，执法人员 " + officers.size() + " 名，哈希 " + saved.getCandidateHash());
        return saved;
    }

    @Transactional
    public RandomDraw execute(long drawId) {
        RandomDraw draw = get(drawId);
        Audit.target("双随机抽取", drawId);
        draw.execute(clock.instant());
        RandomDraw saved = draws.save(draw);
        Audit.detail("种子 " + saved.getSeed() + "，结果哈希 " + saved.getResultHash());
        return saved;
    }

    @Transactional
    public RandomDraw voidDraw(long drawId, String reason) {
        RandomDraw draw = get(drawId);
        Audit.target("双随机抽取", drawId);
        Audit.detail("作废理由：" + reason);
        draw.voidWithReason(reason, clock.instant());
        return draws.save(draw);
    }

    private long crossAgency(DrawRequest request) {
        Long other = request.officerOrganizationId();
        if (other == null || other == request.organizationId()) {
            throw new RuleViolation("交叉执法须选择另一执法机构的执法人员库。");
        }
        if (organizations.find(other).isEmpty()) {
            throw RuleViolation.notFound("执法机构不存在。");
        }
        if (scope.subtreeIds(request.organizationId()).contains(other) || scope.subtreeIds(other).contains(request.organizationId())) {
            throw new RuleViolation("交叉执法的执法人员须来自与被检查企业所属机构无隶属关系的另一机构。");
        }
        return other;
    }

    /**
     * The firm pool: the organisation's firms matching the filter, without key-plan firms (if asked) and firms at their
     * cap. Set-based: one registry pool query, one for planning's records, one for the stored grades, one grouped
     * cap count and one for the key list, whatever the number of firms.
     */
    List<EnterpriseFeatures> pool(DrawRequest request, int year) {
        Set<Long> keyFirms = Boolean.TRUE.equals(request.excludeKeyFirms()) ? keyFirmsOfYear(year) : Set.of();
        List<EnterpriseFeatures> matching = enterprises.inOrganizations(scope.subtreeIds(request.organizationId())).stream()
                .filter(f -> blank(request.industry()) || f.industry().contains(request.industry().strip()))
                .filter(f -> blank(request.townCode()) || request.townCode().strip().equals(f.townCode()))
                .filter(f -> blank(request.riskFeature()) || f.riskFeatures().contains(request.riskFeature().strip()))
                .filter(f -> !keyFirms.contains(f.enterpriseId()))
                .toList();
        if (request.grade() != null) {
            Map<Long, Grade> grades = grading.grades(matching.stream().map(EnterpriseFeatures::enterpriseId).toList(), year);
            matching = matching.stream().filter(f -> grades.get(f.enterpriseId()) == request.grade()).toList();
        }
        return frequency.withinCap(matching, year);
    }

    private Set<Long> keyFirmsOfYear(int year) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT i.enterprise_id FROM planning_plan_item i JOIN planning_plan p ON p.id = i.plan_id AND p.organization_id = i.organization_id
                WHERE p.year = ? AND i.campaign_code IS NULL""").param(year).query(Long.class).list());
    }

    /** Officers of the agency's subtree holding a 行政执法证 valid today (registry's certificate register). */
    List<OfficerSummary> officers(long organizationId) {
        return officerRegister.certifiedOfficers(scope.subtreeIds(organizationId), LocalDate.now(clock));
    }

    private Map<Long, Set<Long>> recusals(Set<Long> firms, Set<Long> officers) {
        Map<Long, Set<Long>> map = new HashMap<>();
        if (firms.isEmpty() || officers.isEmpty()) {
            return map;
        }
        jdbc.sql("SELECT enterprise_id, officer_user_id FROM planning_recusal WHERE enterprise_id = ANY(?)")
                .param(EnterpriseFeatureSource.ids(firms)).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list().stream()
                .filter(r -> firms.contains(r[0]) && officers.contains(r[1]))
                .forEach(r -> map.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]));
        return map;
    }

    /** The team of the latest executed draw at each firm. */
    private Map<Long, Set<Long>> previousTeams(Set<Long> firms) {
        Map<Long, Set<Long>> map = new HashMap<>();
        if (firms.isEmpty()) {
            return map;
        }
        jdbc.sql("""
                SELECT t.enterprise_id, t.officer_ids FROM planning_draw_task t JOIN planning_draw d ON d.id = t.draw_id AND d.organization_id = t.organization_id
                WHERE d.status = 'DRAWN' AND t.enterprise_id = ANY(?) ORDER BY d.drawn_at DESC, d.id DESC""")
                .param(EnterpriseFeatureSource.ids(firms)).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .filter(e -> firms.contains(e.getKey()))
                .forEach(e -> map.computeIfAbsent(e.getKey(), k -> java.util.Arrays.stream(e.getValue().split(","))
                        .map(Long::valueOf).collect(Collectors.toSet())));
        return map;
    }

    @Transactional
    public void declareRecusal(long officerUserId, long enterpriseId, String reason) {
        EnterpriseFeatures firm = enterprises.find(enterpriseId).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.require(firm.organizationId());
        UserView officer = users.get(officerUserId);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请填写回避事由。");
        }
        int added = jdbc.sql("""
                INSERT INTO planning_recusal (officer_user_id, enterprise_id, organization_id, reason, declared_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (officer_user_id, enterprise_id) DO NOTHING""")
                .params(officer.id(), enterpriseId, firm.organizationId(), reason.strip(), java.sql.Timestamp.from(clock.instant()))
                .update();
        if (added == 0) {
            throw new RuleViolation(officer.displayName() + "与“" + firm.name() + "”的回避关系已登记。");
        }
        Audit.target("回避登记", officer.id() + "/" + enterpriseId);
    }

    public record Recusal(long officerUserId, String officerName, long enterpriseId, String enterpriseName, String reason) {
    }

    public List<Recusal> recusals(long organizationId) {
        scope.require(organizationId);
        return jdbc.sql("SELECT officer_user_id, enterprise_id, reason FROM planning_recusal WHERE organization_id IN (:orgs) ORDER BY id")
                .param("orgs", scope.subtreeIds(organizationId))
                .query((rs, i) -> new Recusal(rs.getLong(1), null, rs.getLong(2), null, rs.getString(3))).list().stream()
                .map(r -> new Recusal(r.officerUserId(), users.displayName(r.officerUserId()), r.enterpriseId(),
                        enterprises.find(r.enterpriseId()).map(EnterpriseFeatures::name).orElse("企业" + r.enterpriseId()),
                        r.reason()))
                .toList();
    }

    /**
     * The 双随机 figures of a year over some units (the caller checks the scope): firms drawn by the draws of the year's
     * months that were executed and not voided, of them the firms inspected on the drawn task (a visit reported with
     * the draw), and the firms drawn in 部门联合 (joint) and 交叉执法 (cross) draws. A firm drawn twice counts twice.
     */
    public record DrawFigures(long firmsDrawn, long firmsInspected, long jointDrawn, long crossDrawn) {

        public static final DrawFigures NONE = new DrawFigures(0, 0, 0, 0);
    }

    @Transactional(readOnly = true)
    public DrawFigures figures(int year, java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return DrawFigures.NONE;
        }
        return jdbc.sql("""
                        SELECT count(*),
                               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM planning_visit v
                                   WHERE v.draw_id = d.id AND v.enterprise_id = t.enterprise_id)),
                               count(*) FILTER (WHERE d.mode = 'JOINT'),
                               count(*) FILTER (WHERE d.mode = 'CROSS')
                        FROM planning_draw d JOIN planning_draw_task t ON t.draw_id = d.id AND t.organization_id = d.organization_id
                        WHERE d.status = 'DRAWN' AND d.month BETWEEN :first AND :last AND d.organization_id IN (:orgs)""")
                .param("first", year + "-01").param("last", year + "-12").param("orgs", List.copyOf(organizationIds))
                .query((rs, n) -> new DrawFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private static List<String> jointLines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.replace("|", " ")).toList();
    }

    private String describe(DrawRequest r, int poolSize) {
        List<String> parts = new ArrayList<>();
        parts.add("企业池 " + poolSize + " 家");
        if (!blank(r.industry())) {
            parts.add("行业：" + r.industry());
        }
        if (!blank(r.townCode())) {
            parts.add("街镇区划：" + r.townCode().strip());
        }
        if (r.grade() != null) {
            parts.add("分级：" + r.grade().label());
        }
        if (!blank(r.riskFeature())) {
            parts.add("风险特征：" + r.riskFeature().strip());
        }
        if (Boolean.TRUE.equals(r.excludeKeyFirms())) {
            parts.add("不含年度计划重点检查企业");
        }
        parts.add("不含已达年度检查频次上限的企业");
        return String.join("；", parts);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
