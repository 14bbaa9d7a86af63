package cn.zhifa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.monitoring.internal.SystemClients;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A monitoring system's alarms through the real ingest endpoint: one online task however often an alarm is retried
 * or repeated while the task is open, below-level alarms stored without a task, bad input refused with nothing
 * stored, the client refused everywhere else and users refused on ingest; the figures reach the annual report.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class MonitoringIngestTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SystemClients clients;
    @Autowired
    UserManagement users;
    @Autowired
    ReportingManagement reporting;
    @Autowired
    java.time.Clock clock;

    static Instant now = Instant.now();

    long firm;
    long brigade;
    String secret;

    @BeforeEach
    void clientAndFirm() {
        brigade = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        String path = jdbc.sql("SELECT path FROM organization WHERE id = ?").param(brigade).query(String.class).single();
        firm = jdbc.sql("SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id "
                        + "WHERE o.path LIKE :p AND e.status = 'OPERATING' AND e.merged_into IS NULL ORDER BY e.id DESC LIMIT 1")
                .param("p", path + "%").query(Long.class).single();
        secret = clients.create("测试监测预警系统", brigade).secret();
        now = clock.instant();
    }

    @Test
    void an_alarm_becomes_one_online_task_however_often_it_is_retried_or_repeated_while_the_task_is_open() throws Exception {
        String tag = sensor("LT" + suffix());
        long tasksBefore = count("inspection_task");
        String key = UUID.randomUUID().toString();
        String body = alarm(tag, "9.30", 2, null);

        MockHttpServletResponse first = ingest("/api/v1/monitoring/alarms", key, body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        long taskId = ((Number) JsonPath.read(first.getContentAsString(), "$.taskId")).longValue();
        assertThat(jdbc.sql("SELECT mode FROM inspection_task WHERE id = ?").param(taskId).query(String.class).single())
                .isEqualTo("ONLINE");

        MockHttpServletResponse replay = ingest("/api/v1/monitoring/alarms", key, body);
        assertThat(replay.getStatus()).isEqualTo(200);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(((Number) JsonPath.read(replay.getContentAsString(), "$.taskId")).longValue()).isEqualTo(taskId);

        MockHttpServletResponse repeated = ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), alarm(tag, "9.42", 2, null));
        assertThat(repeated.getStatus()).isEqualTo(201);
        assertThat(((Number) JsonPath.read(repeated.getContentAsString(), "$.taskId")).longValue()).isEqualTo(taskId);
        assertThat((Boolean) JsonPath.read(repeated.getContentAsString(), "$.grouped")).isTrue();
        assertThat((Integer) JsonPath.read(repeated.getContentAsString(), "$.alarmCount")).isEqualTo(2);

        assertThat(count("inspection_task")).isEqualTo(tasksBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_alarm WHERE task_id = ?").param(taskId).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT last_value FROM monitoring_alarm_task WHERE task_id = ?").param(taskId)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("9.42");

        MockHttpServletResponse otherBody = ingest("/api/v1/monitoring/alarms", key, alarm(tag, "1", 2, null));
        assertThat(otherBody.getStatus()).as("the same key with another body").isEqualTo(409);
    }

    @Test
    void a_below_level_alarm_is_stored_without_a_task_and_a_snapshot_is_kept_as_evidence() throws Exception {
        String tag = sensor("TT" + suffix());
        long tasksBefore = count("inspection_task");
        long evidenceBefore = count("evidence_file");
        byte[] png = png();
        MockHttpServletResponse response = ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(),
                alarm(tag, "8.70", 1, png));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        assertThat((Object) JsonPath.read(response.getContentAsString(), "$.taskId")).isNull();
        assertThat(count("inspection_task")).isEqualTo(tasksBefore);
        assertThat(count("evidence_file")).isEqualTo(evidenceBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id "
                + "WHERE p.tag = ? AND a.task_id IS NULL AND a.evidence_id IS NOT NULL").param(tag).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_with_a_chinese_problem_and_nothing_is_stored() throws Exception {
        String tag = sensor("PT" + suffix());
        long alarms = count("monitoring_alarm");
        long tasks = count("inspection_task");
        long evidence = count("evidence_file");
        byte[] png = png();
        String badHash = alarm(tag, "1.9", 2, png).replace(sha256(png), sha256(new byte[] {1}));
        List<MockHttpServletResponse> refused = List.of(
                ingest("/api/v1/monitoring/alarms", null, alarm(tag, "1.9", 2, null)),
                ingest("/api/v1/monitoring/alarms", "not-a-uuid", alarm(tag, "1.9", 2, null)),
                ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), alarm("NO-SUCH-TAG", "1.9", 2, null)),
                ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), alarm(tag, "1.9", 3, null)),
                ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), badHash),
                ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), "{\"point\":\"" + tag + "\",\"value\":\"abc\""),
                ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), "{\"point\":\"" + tag + "\",\"value\":1.9,\"level\":2}"),
                ingest("/api/v1/monitoring/patrols", UUID.randomUUID().toString(),
                        "{\"point\":\"" + tag + "\",\"time\":\"" + now.minus(1, ChronoUnit.MINUTES) + "\",\"abnormal\":true}"));
        for (MockHttpServletResponse r : refused) {
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
            assertThat(r.getContentType()).contains("application/problem+json");
            assertThat((String) JsonPath.read(r.getContentAsString(), "$.detail")).contains("未作任何保存");
        }
        assertThat(count("monitoring_alarm")).isEqualTo(alarms);
        assertThat(count("inspection_task")).isEqualTo(tasks);
        assertThat(count("evidence_file")).isEqualTo(evidence);
    }

    @Test
    void the_client_is_refused_everywhere_else_and_users_are_refused_on_ingest() throws Exception {
        String tag = sensor("GT" + suffix());
        String body = alarm(tag, "60", 2, null);
        long alarms = count("monitoring_alarm");
        MockHttpServletResponse asUser = mvc.perform(post("/api/v1/monitoring/alarms").header("Authorization", Tokens.bearer(mvc, "officer1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(asUser.getStatus()).isEqualTo(403);
        MockHttpServletResponse anonymous = mvc.perform(post("/api/v1/monitoring/alarms")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(count("monitoring_alarm")).isEqualTo(alarms);

        assertThat(mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer " + secret)).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/monitoring/alarms").header("Authorization", "Bearer " + secret)).andReturn().getResponse().getStatus())
                .isIn(302, 401);

        clients.setActive(jdbc.sql("SELECT id FROM monitoring_client ORDER BY id DESC LIMIT 1").query(Long.class).single(), false);
        assertThat(ingest("/api/v1/monitoring/alarms", UUID.randomUUID().toString(), body).getStatus())
                .as("a switched-off client").isEqualTo(401);
    }

    @Test
    void an_abnormal_video_patrol_becomes_an_online_task_and_the_year_figures_of_the_unit_show_it() throws Exception {
        String cam = "CAM" + suffix();
        addPoint("VIDEO", cam, "罐区摄像机", "罐区东北角", "", "", "", "");
        MockHttpServletResponse normal = ingest("/api/v1/monitoring/patrols", UUID.randomUUID().toString(), patrol(cam, false));
        assertThat((Object) JsonPath.read(normal.getContentAsString(), "$.taskId")).isNull();
        MockHttpServletResponse abnormal = ingest("/api/v1/monitoring/patrols", UUID.randomUUID().toString(), patrol(cam, true));
        assertThat(abnormal.getStatus()).isEqualTo(201);
        assertThat((Object) JsonPath.read(abnormal.getContentAsString(), "$.taskId")).isNotNull();

        int year = reporting.today().getYear();
        List<WorkFigure> figures = DemoActorCall.asLeader(users, () -> reporting.annual(year, brigade).workFigures());
        assertThat(figures).extracting(WorkFigure::label).contains("接收视频巡查结果", "视频巡查发现异常", "报警及视频巡查异常转在线检查任务");
        assertThat(figures).filteredOn(f -> f.label().equals("视频巡查发现异常"))
                .allSatisfy(f -> assertThat(f.value().longValue()).isPositive());
    }

    @Test
    void the_point_form_shows_its_errors_on_the_form_and_stores_nothing() throws Exception {
        long points = count("monitoring_point");
        MockHttpServletResponse page = mvc.perform(post("/monitoring/firms/{id}/points", firm).session(session("officer1")).with(csrf())
                .param("kind", "SENSOR").param("tag", "坏 位号").param("name", "储罐液位").param("quantity", "液位").param("unitOfMeasure", "m")
                .param("level1", "9").param("level2", "8")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("位号只能由字母、数字", "二级报警阈值须高于一级报警阈值");
        assertThat(count("monitoring_point")).isEqualTo(points);
        assertThat(mvc.perform(get("/monitoring/firms/{id}/points", firm).session(session("legal1"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void the_days_patrol_list_is_the_units_one_list_and_starting_an_item_opens_an_online_record() throws Exception {
        MockHttpServletResponse officerPage = mvc.perform(get("/monitoring/patrol").session(session("officer1"))).andReturn().getResponse();
        assertThat(officerPage.getStatus()).isEqualTo(200);
        assertThat(officerPage.getContentAsString()).contains("今日在线巡查", "近两周完成情况");
        List<Long> items = jdbc.sql("""
                        SELECT i.id FROM monitoring_patrol_item i JOIN monitoring_patrol_list l ON l.id = i.list_id
                        WHERE l.organization_id = ? ORDER BY l.day DESC, i.position""").param(brigade).query(Long.class).list();
        assertThat(items).as("the demo brigade's graded firms make a list").isNotEmpty();
        mvc.perform(get("/monitoring/patrol").session(session("leader1"))).andReturn();
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_patrol_list WHERE organization_id = ?").param(brigade)
                .query(Long.class).single()).as("one list per unit and day").isEqualTo(1);

        MockHttpServletResponse started = mvc.perform(post("/monitoring/patrol/items/{id}/start", items.get(0))
                .session(session("officer1")).with(csrf())).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        assertThat(started.getRedirectedUrl()).startsWith("/inspection/records/");
        Long taskId = jdbc.sql("SELECT task_id FROM monitoring_patrol_item WHERE id = ?").param(items.get(0)).query(Long.class).single();
        assertThat(jdbc.sql("SELECT mode FROM inspection_task WHERE id = ?").param(taskId).query(String.class).single()).isEqualTo("ONLINE");
        MockHttpServletResponse again = mvc.perform(post("/monitoring/patrol/items/{id}/start", items.get(0))
                .session(session("officer1")).with(csrf())).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).as("resumes the same record").isEqualTo(started.getRedirectedUrl());
    }

    // ---- helpers

    private String sensor(String tag) throws Exception {
        addPoint("SENSOR", tag, "储罐液位", "罐区", "液位", "m", "8.5", "9.2");
        return tag;
    }

    private void addPoint(String kind, String tag, String name, String location, String quantity, String unit, String l1, String l2)
            throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/monitoring/firms/{id}/points", firm).session(session("officer1")).with(csrf())
                .param("kind", kind).param("tag", tag).param("name", name).param("location", location).param("quantity", quantity)
                .param("unitOfMeasure", unit).param("level1", l1).param("level2", l2)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
    }

    private final java.util.Map<String, MockHttpSession> sessions = new java.util.HashMap<>();

    /** One login per user and test (bcrypt is slow). */
    private MockHttpSession session(String user) throws Exception {
        MockHttpSession known = sessions.get(user);
        if (known == null) {
            known = (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
            sessions.put(user, known);
        }
        return known;
    }

    private MockHttpServletResponse ingest(String path, String key, String body) throws Exception {
        var call = post(path).header("Authorization", "Bearer " + secret).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            call = call.header("Idempotency-Key", key);
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    private static String alarm(String tag, String value, int level, byte[] snapshot) throws Exception {
        String time = now.minus(2, ChronoUnit.MINUTES).toString();
        String snap = snapshot == null ? "" : ",\"snapshot\":\"" + Base64.getEncoder().encodeToString(snapshot)
                + "\",\"snapshotSha256\":\"" + sha256(snapshot) + "\"";
        return "{\"point\":\"" + tag + "\",\"value\":" + value + ",\"level\":" + level + ",\"time\":\"" + time + "\"" + snap + "}";
    }

    private static String patrol(String tag, boolean abnormal) {
        return "{\"point\":\"" + tag + "\",\"time\":\"" + now.minus(1, ChronoUnit.MINUTES) + "\",\"abnormal\":" + abnormal
                + ",\"note\":\"" + (abnormal ? "动火作业无监护人" : "正常") + "\"}";
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, (int) (Math.random() * 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String suffix() {
        return String.valueOf(System.nanoTime() % 100_000_000L);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Reporting reads in the caller's scope: run as leader1. */
    static final class DemoActorCall {
        static <T> T asLeader(UserManagement users, java.util.function.Supplier<T> work) {
            Object[] out = new Object[1];
            DemoActor.of(users.findByUsername("leader1").orElseThrow()).run(() -> out[0] = work.get());
            @SuppressWarnings("unchecked") T result = (T) out[0];
            return result;
        }
    }
}
