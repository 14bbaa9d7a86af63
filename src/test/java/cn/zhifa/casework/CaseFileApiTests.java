package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The case file (案卷) as one PDF over the API and from the case page, read back with PDFBox, and its report. */
@ZhifaIntegrationTest
class CaseFileApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    CaseApiSupport api;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MockHttpServletResponse call(String user, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", Tokens.bearer(mvc, user))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    /** A demo case of leader1's brigade that carries issued documents. */
    long demoCaseWithDocuments() throws Exception {
        String cases = api.get("leader1", "/api/v1/cases?size=200");
        List<Integer> ids = JsonPath.read(cases, "$.items[*].id");
        List<String> numbers = JsonPath.read(cases, "$.items[*].caseNumber");
        for (int i = 0; i < ids.size(); i++) {
            long documents = jdbc.sql("select count(*) from doc_issued where source_type = 'case' and source_id = ?")
                    .param(numbers.get(i)).query(Long.class).single();
            if (documents >= 2) return ids.get(i);
        }
        throw new AssertionError("no demo case with documents");
    }

    static String text(PDDocument pdf, int page) throws Exception {
        var strip = new PDFTextStripper();
        strip.setStartPage(page);
        strip.setEndPage(page);
        return strip.getText(pdf).replaceAll("[ \\u2009\\u3000]", "");
    }

    @Test
    void the_case_file_is_one_pdf_with_cover_contents_documents_in_filing_order_and_the_back_sheet_matching_its_report() throws Exception {
        long id = demoCaseWithDocuments();
        String report = api.get("leader1", "/api/v1/cases/" + id + "/case-file/report");
        List<Map<String, Object>> contents = JsonPath.read(report, "$.contents");
        List<String> findings = new java.util.ArrayList<>(JsonPath.<List<String>>read(report, "$.missingDocuments"));
        findings.addAll(JsonPath.read(report, "$.signatureFindings"));
        assertThat(contents).isNotEmpty();
        assertThat(JsonPath.<Boolean>read(report, "$.complete")).isEqualTo(findings.isEmpty());
        assertThat(JsonPath.<String>read(report, "$.pdfUrl")).isEqualTo("/api/v1/cases/" + id + "/case-file");

        MockHttpServletResponse response = call("leader1", "/api/v1/cases/" + id + "/case-file");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/pdf");
        assertThat(response.getHeader("X-Case-File-Complete")).isEqualTo(String.valueOf(findings.isEmpty()));
        assertThat(response.getHeader("X-Case-File-Findings")).isEqualTo(String.valueOf(findings.size()));
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".pdf");

        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isEqualTo(JsonPath.<Integer>read(report, "$.pages"));
            String partyName = JsonPath.read(api.view(id), "$.partyName");
            assertThat(text(pdf, 1)).contains("安全生产违法案件", "案卷（首页）", "案件名称", partyName.replace(" ", ""));
            String toc = text(pdf, 2);
            assertThat(toc).contains("卷内目录");
            int front = 1 + (contents.size() + 19) / 20;
            int previousLast = 0;
            for (Map<String, Object> item : contents) {
                int first = (Integer) item.get("firstPage");
                assertThat(first).as("立卷顺序: pages follow each other").isEqualTo(previousLast + 1);
                previousLast = (Integer) item.get("lastPage");
                String title = (String) item.get("title");
                if (contents.size() <= 20) assertThat(toc).contains(title);
                assertThat(text(pdf, front + first)).as(title).contains("页号" + first);
            }
            assertThat(pages).isEqualTo(front + previousLast + 1);
            String back = text(pdf, pages).replaceAll("\\s", "");
            assertThat(back).contains("卷内备考表", "本卷共有文件材料" + contents.size() + "件，共" + previousLast + "页");
            for (String finding : findings) assertThat(back).contains(finding.replaceAll("[\\s\\u2009\\u3000]", ""));
            if (findings.isEmpty()) assertThat(back).contains("案卷材料齐全");
        }
    }

    @Test
    void another_districts_case_file_is_refused_and_an_unknown_case_or_a_bad_id_is_a_chinese_problem() throws Exception {
        long westOrg = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'zf001'").query(Long.class).single();
        long western = api.open("zf001", CaseApiSupport.firm(westOrg, "示例西城案卷测试有限公司", "未按规定开展安全生产教育和培训"));

        for (String path : List.of("/case-file", "/case-file/report")) {
            MockHttpServletResponse refused = call("officer1", "/api/v1/cases/" + western + path);
            assertThat(refused.getStatus()).as(path).isEqualTo(403);
            assertThat(refused.getContentAsString()).contains("无权访问本单位及下级单位以外的数据");
        }
        // the western officer gets his own case's file: nothing issued yet, so the report lists what is missing
        String own = api.get("zf001", "/api/v1/cases/" + western + "/case-file/report");
        assertThat(JsonPath.<Boolean>read(own, "$.complete")).isFalse();
        assertThat(JsonPath.<List<String>>read(own, "$.missingDocuments")).isNotEmpty().allMatch(m -> m.startsWith("缺少"));
        MockHttpServletResponse ownPdf = call("zf001", "/api/v1/cases/" + western + "/case-file");
        assertThat(ownPdf.getHeader("X-Case-File-Complete")).isEqualTo("false");
        try (PDDocument pdf = Loader.loadPDF(ownPdf.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3); // cover, empty 卷内目录, 卷内备考表
            assertThat(text(pdf, 3).replaceAll("\\s", "")).contains("卷内备考表", "本卷共有文件材料0件",
                    JsonPath.<List<String>>read(own, "$.missingDocuments").get(0).replaceAll("\\s", ""));
        }

        MockHttpServletResponse unknown = call("leader1", "/api/v1/cases/999999999/case-file");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat((String) JsonPath.read(unknown.getContentAsString(), "$.detail")).isEqualTo("案件不存在。");
        MockHttpServletResponse bad = call("leader1", "/api/v1/cases/第一案/case-file/report");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(bad.getContentAsString(), "$.detail")).contains("格式不正确");
        assertThat(call("admin", "/api/v1/cases/" + western + "/case-file").getStatus()).isEqualTo(403);
    }

    @Test
    void the_case_page_offers_the_case_file_as_a_download() throws Exception {
        long id = demoCaseWithDocuments();
        MockHttpSession leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        MockHttpServletResponse page = mvc.perform(get("/cases/" + id).session(leader)).andReturn().getResponse();
        page.setCharacterEncoding("UTF-8");
        assertThat(page.getContentAsString()).contains("下载案卷").contains("/cases/" + id + "/case-file.pdf");

        MockHttpServletResponse download = mvc.perform(get("/cases/" + id + "/case-file.pdf").session(leader)).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(download.getContentAsByteArray())) {
            assertThat(text(pdf, pdf.getNumberOfPages())).contains("卷内备考表");
        }
    }
}
