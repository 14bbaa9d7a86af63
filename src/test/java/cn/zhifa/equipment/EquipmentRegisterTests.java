package cn.zhifa.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The 执法装备 register on its pages: bad input refused on the form with a Chinese message and nothing stored, a duplicate
 * number refused, an item registered with its holder, changed, found by the filters and exported; the demo unit's annual
 * figures count its equipment by kind.
 */
@ZhifaIntegrationTest
class EquipmentRegisterTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired ReportingManagement reporting;
    @Autowired Clock clock;

    @Test
    void an_item_is_registered_with_its_holder_changed_listed_and_exported_and_bad_input_is_refused_on_the_form() throws Exception {
        MockHttpSession officer = login("officer1");
        long unit = users.findByUsername("officer1").orElseThrow().organizationId();
        long holder = jdbc.sql("SELECT holder_user_id FROM equipment WHERE demo AND kind = 'RECORDER' AND holder_user_id IS NOT NULL "
                + "ORDER BY number LIMIT 1").query(Long.class).single();
        long before = count();

        // no number, purchase date in the future: the form again with the reasons, nothing stored
        MvcResult bad = mvc.perform(post("/equipment").session(officer).with(csrf()).param("organizationId", String.valueOf(unit))
                .param("kind", "RECORDER").param("number", " ").param("status", "IN_USE")
                .param("purchasedOn", LocalDate.now(clock).plusDays(3).toString())).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getModelAndView().getViewName()).isEqualTo("equipment/form");
        assertThat(bad.getResponse().getContentAsString()).contains("请填写装备编号", "购置日期不能晚于今天");
        // a number the register already holds for the kind
        MvcResult duplicate = mvc.perform(post("/equipment").session(officer).with(csrf()).param("organizationId", String.valueOf(unit))
                .param("kind", "RECORDER").param("number", "JLY-001").param("status", "IN_USE")).andReturn();
        assertThat(duplicate.getResponse().getContentAsString()).contains("已有编号为JLY-001的执法记录仪");
        assertThat(count()).isEqualTo(before);

        MvcResult created = mvc.perform(post("/equipment").session(officer).with(csrf()).param("organizationId", String.valueOf(unit))
                .param("kind", "RECORDER").param("number", " 测试JLY-901 ").param("model", "DSJ-V9").param("status", "IN_USE")
                .param("holderUserId", String.valueOf(holder)).param("purchasedOn", LocalDate.now(clock).minusDays(10).toString()))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(created.getFlashMap().get("message")).isEqualTo("已登记装备测试JLY-901。");
        long id = jdbc.sql("SELECT id FROM equipment WHERE number = '测试JLY-901'").query(Long.class).single();
        String holderName = jdbc.sql("SELECT holder_name FROM equipment WHERE id = ?").param(id).query(String.class).single();
        assertThat(holderName).isEqualTo(jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(holder)
                .query(String.class).single());

        MvcResult changed = mvc.perform(post("/equipment/" + id).session(officer).with(csrf()).param("organizationId", String.valueOf(unit))
                .param("kind", "RECORDER").param("number", "测试JLY-901").param("status", "REPAIR")).andReturn();
        assertThat(changed.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status || '/' || COALESCE(holder_name, '无') FROM equipment WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("REPAIR/无");

        String list = mvc.perform(get("/equipment").session(officer).param("kind", "RECORDER").param("status", "REPAIR")
                .param("keyword", "测试JLY")).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("执法记录仪 测试JLY-901", "维修").doesNotContain("JLY-002", "RECORDER\"<", "no-equipment");
        String none = mvc.perform(get("/equipment").session(officer).param("keyword", "没有这个编号"))
                .andReturn().getResponse().getContentAsString();
        assertThat(none).contains("没有符合条件的装备。");

        MockHttpServletResponse xlsx = mvc.perform(get("/equipment.xlsx").session(officer).param("kind", "RECORDER"))
                .andReturn().getResponse();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(17); // the demo unit's 16 recorders and this one
        }
    }

    @Test
    void the_annual_figures_of_the_demo_unit_count_its_equipment_by_kind() {
        var officer = users.findByUsername("officer1").orElseThrow();
        int year = LocalDate.now(clock).getYear();
        AtomicReference<AnnualFigures> figures = new AtomicReference<>();
        DemoActor.of(officer).run(() -> figures.set(reporting.annual(year, officer.organizationId())));
        assertThat(figures.get().workFigures()).filteredOn(w -> w.section().equals("执法装备"))
                .extracting(WorkFigure::clause)
                // 16 recorders (one under repair still counts), 29 terminals (one scrapped), 10 printers, 2 vehicles, 2 rooms
                .contains("配备执法终端29台", "配备便携打印机10台", "配备车辆2辆", "配备询问室2间");
        assertThat(figures.get().workFigures()).filteredOn(w -> w.label().equals("配备执法记录仪"))
                .extracting(w -> w.value().intValue()).allMatch(n -> n >= 16);
    }

    @Test
    void a_video_upload_names_a_recorder_the_unit_has_in_use_and_the_custody_entry_keeps_it() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        String recorders = mvc.perform(get("/api/v1/evidence/recorders").param("size", "100").header("Authorization", token))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(recorders).contains("\"JLY-002\"").doesNotContain("\"JLY-016\""); // JLY-016 is under repair
        long before = jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single();

        MockHttpServletResponse refused = upload(token, video(), "JLY-016");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("不是本单位在用的执法记录仪");
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single()).isEqualTo(before);

        MockHttpServletResponse stored = upload(token, video(), "JLY-002");
        assertThat(stored.getStatus()).isEqualTo(201);
        long id = Long.parseLong(stored.getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
        String custody = mvc.perform(get("/api/v1/evidence/" + id + "/custody").header("Authorization", token))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(custody).contains("STORED", "执法记录仪 JLY-002");
    }

    private MockHttpServletResponse upload(String token, byte[] content, String recorder) throws Exception {
        MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/evidence").file(new org.springframework.mock.web.MockMultipartFile("file", "现场.mp4", "video/mp4", content))
                        .param("source", "BODY_CAMERA").param("recorderNumber", recorder)
                        .header("Authorization", token).header("Idempotency-Key", java.util.UUID.randomUUID().toString()))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    /** An MP4 (ftyp isom) of random content, so each upload is a new file. */
    private static byte[] video() {
        byte[] out = new byte[256];
        new java.util.Random().nextBytes(out);
        byte[] head = "\0\0\0\u0018ftypisom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM equipment").query(Long.class).single();
    }
}
