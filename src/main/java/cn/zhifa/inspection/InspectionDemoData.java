package cn.zhifa.inspection;

import cn.zhifa.inspection.internal.ChecklistTemplates;
import cn.zhifa.inspection.internal.InspectionRecords;
import cn.zhifa.inspection.internal.InspectionTasks;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import cn.zhifa.planning.InspectionPlan;
import cn.zhifa.planning.PlanManagement;
import cn.zhifa.planning.DrawManagement;
import cn.zhifa.planning.DrawStatus;
import cn.zhifa.planning.RandomDraw;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo inspections of 东城区's detachment (officer1 and officer2): 16 submitted records over the last four
 * months (key, general, one online check), their failed items becoming hazards, and three open tasks this
 * month (one needing the 执法检查告知书). Tasks marked 年度计划 are key firms of the brigade's approved plan of the year
 * (planning's demo). Deterministic; skipped when demo tasks exist.
 */
@Component
class InspectionDemoData implements DemoDataLoader {

    private static final int RECORDS = 16;

    private final InspectionTasks tasks;
    private final InspectionRecords records;
    private final ChecklistTemplates templates;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlanManagement plans;
    private final DrawManagement draws;
    private final InspectionDocuments documents;
    private final cn.zhifa.documents.DemoDocuments demoDocuments;

    InspectionDemoData(InspectionTasks tasks, InspectionRecords records, ChecklistTemplates templates,
                       UserManagement users, OrganizationManagement organizations, JdbcClient jdbc, Clock clock,
                       PlanManagement plans, InspectionDocuments documents, cn.zhifa.documents.DemoDocuments demoDocuments,
                       DrawManagement draws) {
        this.plans = plans;
        this.draws = draws;
        this.documents = documents;
        this.demoDocuments = demoDocuments;
        this.tasks = tasks;
        this.records = records;
        this.templates = templates;
        this.users = users;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM inspection_task WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        Optional<UserView> a = users.findByUsername("officer1");
        Optional<UserView> b = users.findByUsername("officer2");
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        UserView officerA = a.get();
        UserView officerB = b.get();
        DemoActor.of(officerA).run(() -> create(officerA, officerB));
    }

    private void create(UserView officerA, UserView officerB) {
        long unit = officerA.organizationId();
        Long district = organizations.find(unit).map(o -> o.parentId()).orElse(null);
        List<Long> area = district == null ? List.of(unit) : organizations.subtreeIds(district);
        List<Firm> firms = jdbc.sql("SELECT id, name FROM enterprise WHERE status = 'OPERATING' AND organization_id IN (:orgs) "
                        + "ORDER BY id LIMIT :n")
                .param("orgs", area).param("n", RECORDS + 3).query((rs, n) -> new Firm(rs.getLong(1), rs.getString(2))).list();
        if (firms.size() < RECORDS + 3) {
            firms = jdbc.sql("SELECT id, name FROM enterprise WHERE status = 'OPERATING' ORDER BY id LIMIT :n")
                    .param("n", RECORDS + 3).query((rs, n) -> new Firm(rs.getLong(1), rs.getString(2))).list();
        }
        if (firms.size() < RECORDS + 3) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, InspectionRecord.ZONE);
        Optional<InspectionPlan> plan = plans.visiblePlans().stream()
                .filter(p -> p.getOrganizationId() == unit && p.getYear() == today.getYear()).findFirst();
        String planRef = plan.map(InspectionPlan::getTitle).orElse(today.getYear() + "年度监督检查计划");
        firms = planFirstForPlannedTasks(firms, plan, drawnFirms(unit, today));
        // two planned visits belong to the plan's 专项: their records and hazards carry its tag
        Long campaignId = plan.flatMap(p -> p.getCampaigns().stream().findFirst())
                .map(cn.zhifa.planning.Campaign::campaignId).orElse(null);
        ChecklistTemplate management = templates.findCurrent(InspectionManagement.DEFAULT_TEMPLATE).orElseThrow();
        ChecklistTemplate dust = templates.findCurrent("GM-DUST").orElse(management);
        List<Long> team = List.of(officerA.id(), officerB.id());
        List<InspectionRecord.Member> members = List.of(new InspectionRecord.Member(officerA.id(), officerA.displayName()),
                new InspectionRecord.Member(officerB.id(), officerB.displayName()));
        byte[] signature = signature();
        String signatureHash = SignatureImage.of(signature).sha256();
        List<Long> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            Firm firm = firms.get(i);
            Instant startedAt = inspectedOn(i, today).atTime(9 + i % 5, 30).atZone(InspectionRecord.ZONE).toInstant();
            InspectionKind kind = i % 3 == 2 ? InspectionKind.GENERAL : InspectionKind.KEY;
            InspectionMode mode = i == 5 ? InspectionMode.ONLINE : InspectionMode.ON_SITE;
            ChecklistTemplate template = i % 4 == 1 ? dust : management;
            NewTask newTask = new NewTask(i % 5 == 0 ? TaskSource.DRAW : TaskSource.PLAN,
                    i % 5 == 0 ? today.getYear() + "年第" + (i / 5 + 1) + "次双随机抽查" : planRef, firm.id(), kind, mode, team,
                    YearMonth.from(startedAt.atZone(InspectionRecord.ZONE)), template.getCode(), false, null, null,
                    i == 1 || i == 3 ? campaignId : null);
            InspectionTask task = InspectionTask.create(unit, newTask, firm.name(), template.getId(), team, officerA.id(),
                    startedAt.minus(Duration.ofDays(10)), true);
            task.start();
            task = tasks.save(task);
            InspectionRecord record = InspectionRecord.start(task, template, members, officerA.id(), startedAt, true);
            record.describe("生产车间、仓库及安全管理资料", null, null, "李" + "明华强国志"
                    .charAt(i % 5) + "经理", "安全负责人", null, mode == InspectionMode.ONLINE
                    ? "线上调阅企业安全监测预警数据和视频监控，核查安全管理台账。" : "检查了安全管理资料和生产作业现场。");
            List<ChecklistTemplate.Item> items = template.getItems();
            for (int k = 0; k < items.size(); k++) {
                ChecklistTemplate.Item item = items.get(k);
                boolean fails = (k + i) % 5 == 0 && (!item.major() || i % 4 == 1 || i == 3);
                LocalDate deadline = startedAt.atZone(InspectionRecord.ZONE).toLocalDate().plusDays(item.major() ? 30 : 15);
                if (fails) {
                    boolean immediate = i % 6 == 4;
                    record.answer(item.code(), ItemOutcome.FAILS, null, "车间" + (k + 1) + "号工位",
                            immediate ? null : deadline, immediate ? "责令立即停止相关作业并现场整改" : null);
                } else {
                    record.answer(item.code(), item.major() && i % 2 == 0 ? ItemOutcome.NOT_APPLICABLE : ItemOutcome.CONFORMS,
                            null, null, null, null);
                }
            }
            Instant signedAt = startedAt.plus(Duration.ofMinutes(90));
            record.signAsOfficer(officerA.id(), officerA.displayName(), signature, signatureHash, signedAt);
            record.signAsOfficer(officerB.id(), officerB.displayName(), signature, signatureHash, signedAt);
            if (mode == InspectionMode.ON_SITE) {
                if (i == 7) {
                    record.signAsRepresentative("王某", null, null, true, "村委会主任赵某", signedAt);
                } else {
                    record.signAsRepresentative(record.getRepresentativeName(), signature, signatureHash, false, null, signedAt);
                }
            }
            record = records.save(record);
            record.submit(task, officerA.id(), signedAt);
            long saved = records.save(record).getId();
            if (mode == InspectionMode.ON_SITE) {
                // an online check has no on-site person to sign the 现场检查记录: it carries no on-site documents
                submitted.add(saved);
            }
            task.complete();
            tasks.save(task);
        }
        // what submission issues (InspectionDocuments.submit) for on-site checks: the 现场检查记录 and, for failed items, the
        // 责令限期整改指令书 / 现场处理措施决定书, dated as inspected; each rendering costs a fraction of a second
        long started = System.nanoTime();
        int issued = submitted.stream().mapToInt(id -> documents.issue(id).size()).sum();
        org.slf4j.LoggerFactory.getLogger(InspectionDemoData.class).info("演示检查文书：{}份现场检查记录，签发{}份，用时{} ms",
                submitted.size(), issued, (System.nanoTime() - started) / 1_000_000);
        for (int j = 0; j < 3; j++) {
            Firm firm = firms.get(RECORDS + j);
            NewTask open = new NewTask(j == 0 ? TaskSource.COMPLAINT : TaskSource.PLAN, j == 0 ? "举报件" + today.getYear() + "-118" : planRef,
                    firm.id(), j == 2 ? InspectionKind.GENERAL : InspectionKind.KEY, InspectionMode.ON_SITE, team,
                    YearMonth.from(today), j == 1 ? "GM-DUST" : InspectionManagement.DEFAULT_TEMPLATE, j == 1);
            ChecklistTemplate template = templates.findCurrent(open.templateCode()).orElse(management);
            tasks.save(InspectionTask.create(unit, open, firm.name(), template.getId(), team, officerA.id(), now, true));
        }
    }

    private record Firm(long id, String name) {
    }

    /** Whether the demo task at this position is a 年度计划 task (the others: 双随机 every fifth record, one complaint). */
    private static boolean planned(int position) {
        return position < RECORDS ? position % 5 != 0 : position > RECORDS;
    }

    /** The day of the demo record at this position. */
    private static LocalDate inspectedOn(int position, LocalDate today) {
        return today.minusDays(120 - position * 7L);
    }

    /**
     * The firms of the unit's executed demo draw (planning's, in draw order) for the 双随机 positions inspected in or after
     * the draw's month, so those records are the drawn firms' inspections and the public 双随机 page shows their results.
     * Empty entries where a position precedes the draw or the draw has no more firms.
     */
    private List<Optional<Firm>> drawnFirms(long unit, LocalDate today) {
        Optional<RandomDraw> draw = draws.publishedDraws().stream()
                .filter(d -> d.getOrganizationId() == unit && d.getStatus() == DrawStatus.DRAWN)
                .min(java.util.Comparator.comparing(RandomDraw::getMonth).thenComparing(RandomDraw::getId));
        List<Optional<Firm>> drawn = new java.util.ArrayList<>();
        java.util.Iterator<RandomDraw.DrawTask> picked = draw.map(d -> d.getTasks().iterator())
                .orElse(java.util.Collections.emptyIterator());
        for (int position = 0; position < RECORDS; position++) {
            boolean eligible = !planned(position) && draw.isPresent()
                    && !YearMonth.from(inspectedOn(position, today)).isBefore(YearMonth.parse(draw.get().getMonth()));
            if (eligible && picked.hasNext()) {
                long id = picked.next().enterpriseId();
                drawn.add(Optional.of(new Firm(id, draw.get().nameOf("F", id))));
            } else {
                drawn.add(Optional.empty());
            }
        }
        return drawn;
    }

    /**
     * The firms in task order, with the 年度计划 positions taken by the plan's key firms (in the plan's order) as far as
     * the plan has them, so every task marked 年度计划 is a firm of the approved plan, and the 双随机 positions the draw
     * reaches taken by its drawn firms.
     */
    private static List<Firm> planFirstForPlannedTasks(List<Firm> firms, Optional<InspectionPlan> plan, List<Optional<Firm>> drawn) {
        List<Firm> keyFirms = plan.map(p -> p.keyFirms().stream().map(i -> new Firm(i.enterpriseId(), i.enterpriseName()))
                .distinct().toList()).orElse(List.of());
        List<Firm> others = new java.util.ArrayList<>(firms.stream()
                .filter(f -> keyFirms.stream().noneMatch(k -> k.id() == f.id()))
                .filter(f -> drawn.stream().flatMap(Optional::stream).noneMatch(d -> d.id() == f.id())).toList());
        java.util.Iterator<Firm> keys = keyFirms.iterator();
        List<Firm> ordered = new java.util.ArrayList<>();
        for (int position = 0; position < RECORDS + 3; position++) {
            Optional<Firm> drawnFirm = position < RECORDS ? drawn.get(position) : Optional.empty();
            ordered.add(drawnFirm.isPresent() ? drawnFirm.get() : planned(position) && keys.hasNext() ? keys.next() : others.remove(0));
        }
        return ordered;
    }

    private static byte[] signature() {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        g.drawLine(20, 80, 90, 30);
        g.drawLine(90, 30, 150, 90);
        g.drawLine(150, 90, 270, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    @Transactional
    public void purge() {
        // the demo records' documents go with them (documents purges them under its audited demo-purge flag)
        demoDocuments.purge(InspectionDocuments.SOURCE, jdbc.sql("SELECT id::text FROM inspection_record WHERE demo")
                .query(String.class).list());
        jdbc.sql("DELETE FROM inspection_record WHERE demo AND supersedes_id IS NOT NULL").update();
        jdbc.sql("DELETE FROM inspection_record WHERE demo").update();
        jdbc.sql("DELETE FROM inspection_task WHERE demo").update();
    }
}
