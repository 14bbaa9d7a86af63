package cn.zhifa.supervision.review;

import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseFilter;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseRow;
import cn.zhifa.casework.CaseStage;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.ProcedureKind;
import cn.zhifa.casework.TimelineEntry;
import cn.zhifa.documents.Authority;
import cn.zhifa.documents.CaseFile;
import cn.zhifa.documents.CaseFileCover;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.supervision.review.CaseReviewViews.FileView;
import cn.zhifa.supervision.review.CaseReviewViews.MarkView;
import cn.zhifa.supervision.review.CaseReviewViews.PlanDetail;
import cn.zhifa.supervision.review.CaseReviewViews.PlanRow;
import cn.zhifa.supervision.review.CaseReviewViews.ProblemView;
import cn.zhifa.supervision.review.CaseReviewViews.Standard;
import cn.zhifa.supervision.review.CaseReviewViews.StandardItem;
import cn.zhifa.supervision.review.CaseReviewViews.Summary;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 案卷评查: the scoring standard as versioned data, review plans that sample decided or closed cases of the scope units
 * (at random or chosen), reviewers assigned so that no one reviews a file of their own unit (互查), the platform's
 * pre-checks on each file (missing documents and signatures from the 案卷 completeness, deadlines missed, publicity
 * late), the reviewer's scores per item, and the problems found as rectification items the case unit replies to.
 */
@Service
public class CaseReviews {

    private static final Set<CaseStage> REVIEWABLE = EnumSet.of(CaseStage.DECIDED, CaseStage.CLOSED, CaseStage.ARCHIVED);

    @Schema(description = "制定评查计划：unitIds 为被评查单位；caseIds 为指定案卷（为空时从被评查单位当年已决定、已结案、已归档的案件中随机抽取 sampleSize 件）；reviewerIds 为评查人员，按互查分配，不评本单位案卷")
    public record CreatePlan(@NotNull(message = "请填写评查年度") @Min(value = 2000, message = "评查年度不正确") @Max(value = 2100, message = "评查年度不正确") Integer year,
                             @NotBlank(message = "请填写计划名称") @Size(max = 200, message = "计划名称不超过200字") String name,
                             @NotEmpty(message = "请选择被评查单位") List<Long> unitIds,
                             @Min(value = 1, message = "抽取件数至少为1") @Max(value = 200, message = "抽取件数不超过200") Integer sampleSize,
                             List<Long> caseIds,
                             @NotEmpty(message = "请选择评查人员") List<Long> reviewerIds) {}

    @Schema(description = "一个评分项的评查结果：deducted 为扣分，vetoed 为否决项成立；扣分或否决时须写评查意见")
    public record MarkInput(@NotNull(message = "缺少评分项") Long itemId, BigDecimal deducted, Boolean vetoed,
                            @Size(max = 1000, message = "评查意见不超过1000字") String comment) {}

    @Schema(description = "对一份案卷评分：未列出的评分项视为不扣分")
    public record ScoreFile(@NotNull(message = "请填写评分") List<@Valid MarkInput> marks,
                            @NotNull(message = "缺少版本号") Integer version) {}

    @Schema(description = "被评查单位回复整改情况")
    public record ReplyProblem(@NotBlank(message = "请填写整改情况") @Size(max = 2000, message = "整改情况不超过2000字") String reply) {}

    @Schema(description = "修改当前评查标准的评分项：已被评查计划使用的版本不改动，改动生成新版本")
    public record EditItem(@NotBlank(message = "请填写评查内容") @Size(max = 500, message = "评查内容不超过500字") String text,
                           @NotNull(message = "请填写分值") @Min(value = 0, message = "分值不能为负") @Max(value = 100, message = "分值不超过100") BigDecimal points,
                           Boolean veto) {}

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final CaseDeadlines deadlines;
    private final DocumentManagement documents;
    private final PublicityManagement publicity;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final Clock clock;
    private final int rectificationDays;

    CaseReviews(JdbcClient jdbc, CaseManagement cases, CaseDeadlines deadlines, DocumentManagement documents,
                PublicityManagement publicity, UserManagement users, OrganizationManagement organizations, DataScope scope,
                Clock clock, @Value("${zhifa.supervision.case-review.rectification-days:30}") int rectificationDays) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.deadlines = deadlines;
        this.documents = documents;
        this.publicity = publicity;
        this.users = users;
        this.organizations = organizations;
        this.scope = scope;
        this.clock = clock;
        this.rectificationDays = rectificationDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- the standard

    @Transactional(readOnly = true)
    public Standard currentStandard() {
        long id = jdbc.sql("SELECT id FROM case_review_standard WHERE current").query(Long.class).single();
        return standard(id);
    }

    /** A version of the standard (the one a plan was made with). */
    @Transactional(readOnly = true)
    public Standard standard(long id) {
        List<StandardItem> items = items(id).stream().map(i -> i).toList();
        return jdbc.sql("SELECT * FROM case_review_standard WHERE id = :id").param("id", id)
                .query((rs, n) -> new Standard(id, rs.getInt("version"), rs.getString("name"), rs.getBigDecimal("excellent_min"),
                        rs.getBigDecimal("pass_min"), items.stream().map(StandardItem::points).reduce(BigDecimal.ZERO, BigDecimal::add),
                        items)).single();
    }

    private List<StandardItem> items(long standardId) {
        return jdbc.sql("SELECT * FROM case_review_item WHERE standard_id = :s").param("s", standardId)
                .query((rs, n) -> {
                    ReviewGroup g = ReviewGroup.valueOf(rs.getString("group_code"));
                    return new StandardItem(rs.getLong("id"), g, g.label(), rs.getInt("position"), rs.getString("text"),
                            rs.getBigDecimal("points"), rs.getBoolean("veto"));
                }).list().stream()
                .sorted((a, b) -> a.group() != b.group() ? a.group().compareTo(b.group()) : Integer.compare(a.position(), b.position()))
                .toList();
    }

    /**
     * Edits an item of the current standard. A version already used by a plan is never changed: the edit makes a new
     * version (a copy of the items with this one changed) that becomes current. Returns the current standard.
     */
    @Transactional
    public Standard editItem(long itemId, EditItem edit) {
        Standard current = currentStandard();
        StandardItem item = current.items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("当前评查标准中没有该评分项。"));
        boolean veto = Boolean.TRUE.equals(edit.veto());
        if (veto && edit.points().signum() != 0) {
            throw new RuleViolation("否决项不计分，分值应为 0。");
        }
        long standardId = current.id();
        long target = itemId;
        boolean used = jdbc.sql("SELECT count(*) FROM case_review_plan WHERE standard_id = :s").param("s", standardId)
                .query(Long.class).single() > 0;
        if (used) {
            int version = current.version() + 1;
            jdbc.sql("UPDATE case_review_standard SET current = false WHERE id = :s").param("s", standardId).update();
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO case_review_standard (version, name, excellent_min, pass_min, current)
                            VALUES (:v, :name, :ex, :pass, true)""")
                    .param("v", version).param("name", current.name().replaceAll("（第\\d+版）$", "") + "（第" + version + "版）")
                    .param("ex", current.excellentMin()).param("pass", current.passMin()).update(keys, "id");
            long copy = keys.getKey().longValue();
            for (StandardItem i : current.items()) {
                GeneratedKeyHolder k = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO case_review_item (standard_id, group_code, position, text, points, veto)
                                VALUES (:s, :g, :p, :t, :pts, :veto)""")
                        .param("s", copy).param("g", i.group().name()).param("p", i.position()).param("t", i.text())
                        .param("pts", i.points()).param("veto", i.veto()).update(k, "id");
                if (i.id() == item.id()) {
                    target = k.getKey().longValue();
                }
            }
            standardId = copy;
        }
        jdbc.sql("UPDATE case_review_item SET text = :t, points = :p, veto = :v WHERE id = :id")
                .param("t", edit.text().strip()).param("p", edit.points()).param("v", veto).param("id", target).update();
        return standard(standardId);
    }

    /** One item of a new version of the standard, as typed on the page. */
    public record NewItem(ReviewGroup group, String text, BigDecimal points, boolean veto) {
    }

    /** A whole new version of the standard: its name, grade thresholds and items. */
    public record NewVersion(String name, BigDecimal excellentMin, BigDecimal passMin, List<NewItem> items) {
    }

    /**
     * Saves a new version of the standard and makes it current. Older versions stay as they are: a plan keeps the
     * version it was made with. Refuses (naming the row) a blank or over-long text, a missing group, points outside
     * 0–100, a 否决项 with points, no scored item, or thresholds that do not fit the full points.
     */
    @Transactional
    public Standard saveVersion(NewVersion command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new RuleViolation(name.isEmpty() ? "请填写标准名称。" : "标准名称不超过200字。");
        }
        List<NewItem> items = command.items() == null ? List.of() : command.items();
        if (items.isEmpty()) {
            throw new RuleViolation("评查标准至少要有一个评分项。");
        }
        BigDecimal full = BigDecimal.ZERO;
        for (int n = 0; n < items.size(); n++) {
            NewItem i = items.get(n);
            String row = "第" + (n + 1) + "项：";
            if (i.group() == null) {
                throw new RuleViolation(row + "请选择分组。");
            }
            if (i.text() == null || i.text().isBlank()) {
                throw new RuleViolation(row + "请填写评查内容。");
            }
            if (i.text().strip().length() > 500) {
                throw new RuleViolation(row + "评查内容不超过500字。");
            }
            if (i.points() == null || i.points().signum() < 0 || i.points().compareTo(BigDecimal.valueOf(100)) > 0
                    || i.points().scale() > 1 && i.points().stripTrailingZeros().scale() > 1) {
                throw new RuleViolation(row + "分值应为0至100，最多一位小数。");
            }
            if (i.veto() && i.points().signum() != 0) {
                throw new RuleViolation(row + "否决项不计分，分值应为 0。");
            }
            full = full.add(i.points());
        }
        if (full.signum() == 0) {
            throw new RuleViolation("评查标准至少要有一个计分的评分项。");
        }
        if (command.excellentMin() == null || command.passMin() == null) {
            throw new RuleViolation("请填写优秀和合格的分数线。");
        }
        if (command.passMin().signum() <= 0 || command.passMin().compareTo(command.excellentMin()) > 0
                || command.excellentMin().compareTo(full) > 0) {
            throw new RuleViolation("分数线应满足：0 < 合格线 ≤ 优秀线 ≤ 总分（" + full.stripTrailingZeros().toPlainString() + "分）。");
        }
        int version = jdbc.sql("SELECT COALESCE(max(version), 0) + 1 FROM case_review_standard").query(Integer.class).single();
        jdbc.sql("UPDATE case_review_standard SET current = false WHERE current").update();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO case_review_standard (version, name, excellent_min, pass_min, current)
                        VALUES (:v, :name, :ex, :pass, true)""")
                .param("v", version).param("name", name).param("ex", command.excellentMin()).param("pass", command.passMin())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Map<ReviewGroup, Integer> positions = new java.util.EnumMap<>(ReviewGroup.class);
        for (NewItem i : items) {
            jdbc.sql("""
                            INSERT INTO case_review_item (standard_id, group_code, position, text, points, veto)
                            VALUES (:s, :g, :p, :t, :pts, :veto)""")
                    .param("s", id).param("g", i.group().name()).param("p", positions.merge(i.group(), 1, Integer::sum))
                    .param("t", i.text().strip()).param("pts", i.points().setScale(1, java.math.RoundingMode.UNNECESSARY))
                    .param("veto", i.veto()).update();
        }
        return standard(id);
    }

    /** Every version of the standard, newest first: id, version, name, whether current, plans made with it. */
    public record VersionRow(long id, int version, String name, boolean current, long plans) {
    }

    @Transactional(readOnly = true)
    public List<VersionRow> versions() {
        return jdbc.sql("""
                        SELECT s.id, s.version, s.name, s.current, (SELECT count(*) FROM case_review_plan p WHERE p.standard_id = s.id)
                        FROM case_review_standard s ORDER BY s.version DESC""")
                .query((rs, n) -> new VersionRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)))
                .list();
    }

    // ---- plans

    @Transactional
    public long createPlan(CreatePlan command) {
        return createPlan(command, Actors.require().userId(), false, new Random());
    }

    long createPlan(CreatePlan command, long createdBy, boolean demo, Random random) {
        Set<Long> units = new LinkedHashSet<>(command.unitIds());
        units.forEach(scope::require);
        List<Long> reviewerIds = List.copyOf(new LinkedHashSet<>(command.reviewerIds()));
        scope.requireUsers(reviewerIds);
        List<UserView> reviewers = reviewerIds.stream().map(users::get).toList();
        List<PenaltyCase> files = new ArrayList<>();
        if (command.caseIds() != null && !command.caseIds().isEmpty()) {
            for (Long id : new LinkedHashSet<>(command.caseIds())) {
                PenaltyCase c = cases.get(id);
                if (!REVIEWABLE.contains(c.getStage())) {
                    throw new RuleViolation("案件" + c.getCaseNumber() + "尚未作出决定或结案，不能评查。");
                }
                if (units.stream().noneMatch(u -> scope.subtreeIds(u).contains(c.getOrganizationId()))) {
                    throw new RuleViolation("案件" + c.getCaseNumber() + "不属于被评查单位。");
                }
                files.add(c);
            }
        } else {
            if (command.sampleSize() == null) {
                throw new RuleViolation("请填写抽取件数或指定案卷。");
            }
            Map<Long, CaseRow> pool = new LinkedHashMap<>();
            for (long unit : units) {
                cases.search(new CaseFilter(null, null, null, command.year(), null), unit, REVIEWABLE, 0, 1000)
                        .items().forEach(r -> pool.putIfAbsent(r.id(), r));
            }
            List<Long> ids = new ArrayList<>(pool.keySet());
            Collections.sort(ids);
            Collections.shuffle(ids, random);
            if (ids.isEmpty()) {
                throw new RuleViolation("被评查单位" + command.year() + "年没有已决定或已结案的案件。");
            }
            ids.subList(0, Math.min(command.sampleSize(), ids.size())).forEach(id -> files.add(cases.get(id)));
        }
        long standardId = currentStandard().id();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_review_plan (year, name, standard_id, created_by, demo) VALUES (:y, :n, :s, :by, :demo)")
                .param("y", command.year()).param("n", command.name().strip()).param("s", standardId).param("by", createdBy)
                .param("demo", demo).update(keys, "id");
        long planId = keys.getKey().longValue();
        int turn = 0;
        for (PenaltyCase c : files) {
            UserView reviewer = null;
            for (int k = 0; k < reviewers.size() && reviewer == null; k++) {
                UserView candidate = reviewers.get((turn + k) % reviewers.size());
                if (candidate.organizationId() != c.getOrganizationId()) {
                    reviewer = candidate;
                    turn = turn + k + 1;
                }
            }
            if (reviewer == null) {
                throw new RuleViolation("案件" + c.getCaseNumber() + "没有可分配的评查人员：评查人员不得评查本单位的案卷，请增加其他单位的评查人员。");
            }
            jdbc.sql("""
                            INSERT INTO case_review_file (plan_id, case_id, case_label, unit_id, reviewer_id, reviewer_name, prechecks)
                            VALUES (:p, :c, :label, :unit, :r, :rn, :pre)""")
                    .param("p", planId).param("c", c.getId()).param("label", c.getCaseNumber() + " " + c.getTitle())
                    .param("unit", c.getOrganizationId()).param("r", reviewer.id()).param("rn", reviewer.displayName())
                    .param("pre", String.join("\n", prechecks(c))).update();
        }
        return planId;
    }

    /** What the platform already knows is wrong with a file: missing documents and signatures, deadlines missed, publicity late. */
    List<String> prechecks(PenaltyCase c) {
        List<String> found = new ArrayList<>();
        String authority = documents.authorityFor(c.getOrganizationId()).map(Authority::name).orElse(null);
        CaseFile file = documents.assembleCaseFile(new SourceRef("case", c.getCaseNumber()),
                new CaseFileCover(c.getProcedureKind() == ProcedureKind.SUMMARY ? "SUMMARY" : "GENERAL", authority,
                        c.getParty().name() + c.getTitle() + "案", c.getTitle(), c.getStage().label(), c.getFiledOn(),
                        c.getClosedOn(), c.getHandlerName(), c.getArchivedOn(), null, null));
        file.missingDocuments().forEach(m -> found.add("案卷缺少：" + m));
        found.addAll(file.signatureFindings());
        LocalDate today = today();
        for (TimelineEntry e : deadlines.timeline(c, today)) {
            if (!e.partyPeriod() && e.status() == TimelineEntry.Status.DONE_LATE) {
                found.add("超期办理：" + e.label());
            } else if (!e.partyPeriod() && e.status() == TimelineEntry.Status.OVERDUE) {
                found.add("逾期未办：" + e.label());
            }
        }
        publicity.publicationOfCase(c.getCaseNumber()).ifPresent(p -> {
            if (p.late()) {
                found.add("处罚决定公示超期（应于" + p.dueOn() + "前公示）");
            } else if (p.overdue()) {
                found.add("处罚决定逾期未公示（应于" + p.dueOn() + "前公示）");
            }
        });
        return found;
    }

    /** Plans with at least one file of the user's scope or one the user reviews, newest first. */
    @Transactional(readOnly = true)
    public List<PlanRow> plans() {
        Actor actor = Actors.require();
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        return jdbc.sql("""
                        SELECT p.id, p.year, p.name, count(f.id) AS files, count(f.score) AS scored, avg(f.score) AS average
                        FROM case_review_plan p JOIN case_review_file f ON f.plan_id = p.id
                        WHERE f.unit_id IN (:orgs) OR f.reviewer_id = :me OR p.created_by = :me
                        GROUP BY p.id, p.year, p.name ORDER BY p.year DESC, p.id DESC""")
                .param("orgs", orgs.isEmpty() ? List.of(-1L) : orgs).param("me", actor.userId())
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getInt("year"), rs.getString("name"), rs.getInt("files"),
                        rs.getInt("scored"), round(rs.getBigDecimal("average")))).list();
    }

    @Transactional(readOnly = true)
    public PlanDetail plan(long id) {
        Actor actor = Actors.require();
        Map<String, Object> plan = jdbc.sql("""
                        SELECT p.*, s.name AS standard_name FROM case_review_plan p JOIN case_review_standard s ON s.id = p.standard_id
                        WHERE p.id = :id""").param("id", id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("没有该评查计划。"));
        boolean creator = ((Number) plan.get("created_by")).longValue() == actor.userId();
        Map<Long, StandardItem> items = items(((Number) plan.get("standard_id")).longValue()).stream()
                .collect(Collectors.toMap(StandardItem::id, i -> i));
        List<FileView> files = jdbc.sql("SELECT * FROM case_review_file WHERE plan_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> {
                    long fileId = rs.getLong("id");
                    long unit = rs.getLong("unit_id");
                    boolean mine = rs.getLong("reviewer_id") == actor.userId();
                    if (!creator && !mine && !scope.canSee(unit)) {
                        return null;
                    }
                    String pre = rs.getString("prechecks");
                    String grade = rs.getString("grade");
                    return new FileView(fileId, rs.getLong("case_id"), rs.getString("case_label"), unitName(unit),
                            rs.getString("reviewer_name"), pre.isBlank() ? List.of() : Arrays.asList(pre.split("\n")),
                            rs.getBigDecimal("score"), rs.getBoolean("vetoed"),
                            grade == null ? "待评查" : ReviewScoring.Grade.valueOf(grade).label(), grade != null, mine,
                            rs.getInt("version"), marks(fileId, items));
                }).list().stream().filter(java.util.Objects::nonNull).toList();
        if (files.isEmpty() && !creator) {
            throw RuleViolation.notFound("没有该评查计划。");
        }
        Set<Long> shown = files.stream().map(FileView::id).collect(Collectors.toSet());
        LocalDate today = today();
        Map<Long, String> labels = files.stream().collect(Collectors.toMap(FileView::id, FileView::caseLabel));
        List<ProblemView> problems = jdbc.sql("SELECT * FROM case_review_problem WHERE plan_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate replied = rs.getObject("replied_on", LocalDate.class);
                    return new ProblemView(rs.getLong("id"), rs.getLong("file_id"), labels.get(rs.getLong("file_id")),
                            unitName(rs.getLong("unit_id")), ReviewGroup.valueOf(rs.getString("group_code")).label(),
                            rs.getString("text"), due, rs.getString("reply"), replied, replied == null && due.isBefore(today));
                }).list().stream().filter(p -> shown.contains(p.fileId())).toList();
        return new PlanDetail(id, ((Number) plan.get("year")).intValue(), (String) plan.get("name"),
                ((Number) plan.get("standard_id")).longValue(), (String) plan.get("standard_name"), files, problems, summary(files, problems));
    }

    private static Summary summary(List<FileView> files, List<ProblemView> problems) {
        List<FileView> scored = files.stream().filter(FileView::scored).toList();
        BigDecimal average = scored.isEmpty() ? null : round(scored.stream().map(FileView::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP));
        Map<String, Long> grades = new LinkedHashMap<>();
        for (ReviewScoring.Grade g : ReviewScoring.Grade.values()) {
            grades.put(g.label(), scored.stream().filter(f -> f.grade().equals(g.label())).count());
        }
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (ReviewGroup g : ReviewGroup.values()) {
            byGroup.put(g.label(), problems.stream().filter(p -> p.groupLabel().equals(g.label())).count());
        }
        return new Summary(files.size(), scored.size(), average, grades, byGroup);
    }

    private List<MarkView> marks(long fileId, Map<Long, StandardItem> items) {
        return jdbc.sql("SELECT * FROM case_review_mark WHERE file_id = :f").param("f", fileId)
                .query((rs, n) -> {
                    StandardItem i = items.get(rs.getLong("item_id"));
                    return new MarkView(i.id(), i.groupLabel(), i.text(), rs.getBigDecimal("deducted"), rs.getBoolean("vetoed"),
                            rs.getString("comment"));
                }).list().stream()
                .sorted((a, b) -> Long.compare(a.itemId(), b.itemId())).toList();
    }

    /** The assigned reviewer scores a file; the problems found become rectification items for the case unit. */
    @Transactional
    public ReviewScoring.Result score(long planId, long fileId, ScoreFile command) {
        return score(planId, fileId, command, Actors.require().userId());
    }

    ReviewScoring.Result score(long planId, long fileId, ScoreFile command, long reviewerId) {
        Map<String, Object> file = jdbc.sql("""
                        SELECT f.*, p.standard_id, s.excellent_min, s.pass_min FROM case_review_file f
                        JOIN case_review_plan p ON p.id = f.plan_id JOIN case_review_standard s ON s.id = p.standard_id
                        WHERE f.id = :f AND f.plan_id = :p""").param("f", fileId).param("p", planId)
                .query().listOfRows().stream().findFirst().orElseThrow(() -> RuleViolation.notFound("没有该评查案卷。"));
        if (((Number) file.get("reviewer_id")).longValue() != reviewerId) {
            throw new RuleViolation("只有分配的评查人员可以为该案卷评分。");
        }
        if (file.get("grade") != null) {
            throw RuleViolation.conflict("该案卷已评分。");
        }
        long standardId = ((Number) file.get("standard_id")).longValue();
        List<ReviewScoring.Item> items = items(standardId).stream()
                .map(i -> new ReviewScoring.Item(i.id(), i.group(), i.text(), i.points(), i.veto())).toList();
        List<ReviewScoring.Mark> marks = command.marks().stream()
                .map(m -> new ReviewScoring.Mark(m.itemId(), m.deducted(), Boolean.TRUE.equals(m.vetoed()), m.comment())).toList();
        ReviewScoring.Result result = ReviewScoring.score(items, marks,
                new ReviewScoring.Thresholds((BigDecimal) file.get("excellent_min"), (BigDecimal) file.get("pass_min")));
        int updated = jdbc.sql("""
                        UPDATE case_review_file SET score = :score, vetoed = :vetoed, grade = :grade, scored_at = :at,
                               version = version + 1 WHERE id = :id AND version = :version AND grade IS NULL""")
                .param("score", result.score()).param("vetoed", result.vetoed()).param("grade", result.grade().name())
                .param("at", java.sql.Timestamp.from(Instant.now(clock))).param("id", fileId).param("version", command.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("case_review_file " + fileId);
        }
        for (ReviewScoring.Mark m : marks) {
            jdbc.sql("INSERT INTO case_review_mark (file_id, item_id, deducted, vetoed, comment) VALUES (:f, :i, :d, :v, :c)")
                    .param("f", fileId).param("i", m.itemId()).param("d", m.deducted() == null ? BigDecimal.ZERO : m.deducted())
                    .param("v", m.vetoed()).param("c", m.comment() == null || m.comment().isBlank() ? null : m.comment().strip())
                    .update();
        }
        LocalDate due = today().plusDays(rectificationDays);
        for (ReviewScoring.Problem p : result.problems()) {
            jdbc.sql("""
                            INSERT INTO case_review_problem (file_id, plan_id, unit_id, group_code, text, due_on)
                            VALUES (:f, :p, :u, :g, :t, :due)""")
                    .param("f", fileId).param("p", planId).param("u", ((Number) file.get("unit_id")).longValue())
                    .param("g", p.group().name()).param("t", p.text()).param("due", due).update();
        }
        return result;
    }

    /** The case unit (its leader, within scope) replies how a problem was rectified. */
    @Transactional
    public void reply(long problemId, ReplyProblem command) {
        long unit = jdbc.sql("SELECT unit_id FROM case_review_problem WHERE id = :id").param("id", problemId)
                .query(Long.class).optional().orElseThrow(() -> RuleViolation.notFound("没有该整改事项。"));
        scope.require(unit);
        int updated = jdbc.sql("UPDATE case_review_problem SET reply = :r, replied_on = :on WHERE id = :id AND reply IS NULL")
                .param("r", command.reply().strip()).param("on", today()).param("id", problemId).update();
        if (updated == 0) {
            throw RuleViolation.conflict("该整改事项已回复。");
        }
    }

    void purgeDemo() {
        jdbc.sql("DELETE FROM case_review_plan WHERE demo").update();
    }

    boolean hasDemo() {
        return jdbc.sql("SELECT count(*) FROM case_review_plan WHERE demo").query(Long.class).single() > 0;
    }

    private String unitName(long id) {
        return organizations.find(id).map(o -> o.name()).orElse("");
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }
}
