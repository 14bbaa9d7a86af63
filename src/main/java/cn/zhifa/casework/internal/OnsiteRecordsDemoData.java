package cn.zhifa.casework.internal;

import cn.zhifa.casework.InvestigationRecords;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.inspection.DemoActor;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo structured records (case-onsite): on two filed demo cases of the 东城区 brigade, an 询问笔录 with its
 * question/answer pairs, a 勘验笔录 and a 询问通知书, each issued with drawn signatures through
 * {@link InvestigationRecords} as officer1 would on the phone. Runs after {@link CaseworkDemoData}.
 */
@Component
class OnsiteRecordsDemoData implements DemoDataLoader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OnsiteRecordsDemoData.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final InvestigationRecords records;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    OnsiteRecordsDemoData(InvestigationRecords records, UserManagement users, JdbcClient jdbc, Clock clock) {
        this.records = records;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 71;
    }

    /**
     * Each record is one command (its own transaction, idempotent by key) as on the phone; a record the demo city
     * cannot take (e.g. document settings removed) is skipped with a warning rather than stopping the start-up.
     */
    @Override
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM case_record WHERE idempotency_key LIKE 'demo-onsite-%'").query(Long.class).single() > 0) {
            return;
        }
        Optional<UserView> officer1 = users.findByUsername("officer1");
        Optional<UserView> officer2 = users.findByUsername("officer2");
        Optional<Long> chemical = filedCase("兴旺化工贸易有限公司");
        Optional<Long> machinery = filedCase("宏达机械制造有限公司");
        if (officer1.isEmpty() || officer2.isEmpty() || chemical.isEmpty() || machinery.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        var certified = records.certifiedOfficers(officer1.get().organizationId());
        long a = officer1.get().id(), b = officer2.get().id();
        if (certified.stream().noneMatch(o -> o.userId() == a) || certified.stream().noneMatch(o -> o.userId() == b)) {
            return; // 持证执法: without two certified officers the records could not be signed
        }
        long started = System.nanoTime();
        DemoActor.of(officer1.get()).run(() -> {
            LocalDateTime morning = today.minusDays(1).atTime(9, 30);
            Map<String, String> inquiry = team(a, b, true);
            inquiry.putAll(Map.of("startTime", morning.toString(), "endTime", morning.plusMinutes(50).toString(),
                    "place", "东城区应急管理局询问室", "personName", "刘志强", "gender", "男", "idNumber", "110105198203150017",
                    "phone", "13900001234", "workUnit", "兴旺化工贸易有限公司", "position", "安全管理部经理", "relation", "安全管理人员"));
            inquiry.put("sig_interviewee", SIGNATURE);
            demo("询问笔录", () -> records.recordInquiry(chemical.get(), new RecordInput(inquiry, List.of(
                    new RecordInput.QuestionAnswer("你在兴旺化工贸易有限公司担任什么职务？负责哪些工作？", "我是安全管理部经理，负责公司的安全生产教育培训和培训档案管理。"),
                    new RecordInput.QuestionAnswer("你单位今年对从业人员进行了哪些安全生产教育和培训？", "3月和6月各组织过一次全员培训，新员工入职时进行了三级教育。"),
                    new RecordInput.QuestionAnswer("培训的时间、内容、参加人员和考核结果是否记录？", "6月的培训和新员工三级教育没有记录，只有3月的签到表。"),
                    new RecordInput.QuestionAnswer("以上所说是否属实？", "属实。")),
                    List.of(), signatures(inquiry), Map.of(), "demo-onsite-inquiry-" + chemical.get())));

            LocalDateTime afternoon = today.minusDays(1).atTime(14, 0);
            Map<String, String> survey = team(a, b, true);
            survey.putAll(Map.of("startTime", afternoon.toString(), "endTime", afternoon.plusMinutes(40).toString(),
                    "place", "兴旺化工贸易有限公司办公楼二楼档案室", "weather", "晴", "partyPerson", "刘志强", "partyPosition", "安全管理部经理",
                    "findings", "档案室内安全培训档案柜存有2026年3月全员培训签到表1份（共4页）；未见6月培训及新员工三级教育的培训记录、考核记录。已对档案柜及签到表拍照。"));
            survey.put("sig_party", SIGNATURE);
            demo("勘验笔录", () -> records.recordSurvey(chemical.get(), new RecordInput(survey, List.of(), List.of(),
                    signatures(survey), Map.of(), "demo-onsite-survey-" + chemical.get())));

            Map<String, String> notice = new HashMap<>(Map.of("personName", "宏达机械制造有限公司",
                    "reason", "你单位涉嫌特种作业人员未持证上岗一案", "time", today.plusDays(2).atTime(9, 0).toString(),
                    "place", "东城区应急管理局三楼询问室", "bring", "营业执照\n法定代表人身份证明或者委托书\n其他：特种作业人员名册及操作证"));
            demo("询问通知书", () -> records.scheduleInquiry(machinery.get(), new RecordInput(notice, List.of(), List.of(),
                    Map.of(), Map.of(), "demo-onsite-notice-" + machinery.get())));
        });
        LOG.info("演示数据：结构化笔录 3 份（含签发文书）用时 {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void demo(String what, Runnable command) {
        long started = System.nanoTime();
        try {
            command.run();
            LOG.debug("演示数据：{}用时 {} ms", what, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("演示数据：{}未能生成（{}）", what, e.getMessage());
        }
    }

    private Optional<Long> filedCase(String party) {
        return jdbc.sql("SELECT id FROM penalty_case WHERE source_reference = :ref AND stage = 'FILED'")
                .param("ref", "DEMO-" + party).query(Long.class).optional();
    }

    private static Map<String, String> team(long first, long second, boolean recorder) {
        Map<String, String> fields = new HashMap<>(Map.of("officer1Id", String.valueOf(first), "officer2Id", String.valueOf(second),
                "sig_officer1", SIGNATURE, "sig_officer2", SIGNATURE));
        if (recorder) {
            fields.put("recorderId", String.valueOf(second));
            fields.put("sig_recorder", SIGNATURE);
        }
        return fields;
    }

    private static Map<String, String> signatures(Map<String, String> fields) {
        Map<String, String> out = new HashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith("sig_")) out.put(k.substring(4), v);
        });
        return out;
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM case_record WHERE idempotency_key LIKE 'demo-onsite-%'").update();
    }

    /** A drawn stroke as the signature pad posts it (the documents show it in each signature area). */
    private static final String SIGNATURE = drawn();

    private static String drawn() {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawLine(20, 80, 70, 30);
        g.drawLine(70, 30, 110, 90);
        g.drawLine(110, 90, 170, 25);
        g.drawLine(170, 25, 220, 85);
        g.drawLine(220, 85, 280, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
