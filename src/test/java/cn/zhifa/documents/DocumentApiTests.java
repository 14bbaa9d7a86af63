package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/v1/documents}: shape, filters, paging, data scope, downloads and bad parameters, on the demo city. */
@ZhifaIntegrationTest
class DocumentApiTests {

    @Autowired MockMvc mvc;
    @Autowired DocumentManagement documents;
    @Autowired JdbcClient jdbc;

    long brigade;   // officer1's 东城区应急管理综合行政执法大队
    long west;      // 示例市西城区应急管理局
    long westUnit;  // zf001's unit under it

    @BeforeEach
    void demoCity() {
        brigade = jdbc.sql("select organization_id from app_user where username = 'officer1'").query(Long.class).single();
        west = jdbc.sql("select id from organization where name = '示例市西城区应急管理局'").query(Long.class).single();
        westUnit = jdbc.sql("select organization_id from app_user where username = 'zf001'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, jdbc.sql("select id from organization where name = '示例市东城区应急管理局'").query(Long.class).single());
        SampleDocuments.ensureSettings(documents, west);
    }

    MockHttpServletResponse call(String user, String path, Object... params) throws Exception {
        var request = get(path).header("Authorization", Tokens.bearer(mvc, user));
        for (int i = 0; i < params.length; i += 2) request.param((String) params[i], String.valueOf(params[i + 1]));
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    String json(String user, String path, Object... params) throws Exception {
        MockHttpServletResponse response = call(user, path, params);
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** A document naming the firm as its party (its name and credit code, as inspection and cases fill them). */
    IssuedDocument issueFor(long organizationId, String name, String uscc, LocalDate date) {
        IssueRequest sample = DocumentsIntegrationTests.request(organizationId, "INSPECTION_RECORD",
                DocumentsIntegrationTests.fresh("inspection"), date);
        List<Party> parties = sample.parties().stream().map(p -> p.type() == Party.Type.UNIT
                ? new Party(p.role(), p.type(), name, uscc, p.legalRepresentative(), p.position(), null, null, null, null,
                p.address(), p.postcode(), p.phone()) : p).toList();
        return documents.issue(new IssueRequest(sample.kind(), organizationId, sample.source(), sample.fields(), parties,
                sample.officers(), sample.signatures(), sample.refusals(), date, "officer1", null));
    }

    @Test
    void an_officer_lists_the_documents_of_his_units_in_the_shared_page_shape_filtered_by_firm_kind_and_year() throws Exception {
        String firms = json("officer1", "/api/v1/enterprises", "size", 1);
        long firmId = ((Number) JsonPath.read(firms, "$.items[0].id")).longValue();
        String firmName = JsonPath.read(firms, "$.items[0].name");
        String uscc = JsonPath.read(firms, "$.items[0].uscc");
        IssuedDocument mine = issueFor(brigade, firmName, uscc, LocalDate.of(2026, 4, 2));
        IssuedDocument other = issueFor(brigade, "示例另一家有限公司", "91139900MA0000001X", LocalDate.of(2026, 4, 3));
        IssuedDocument western = issueFor(westUnit, firmName, uscc, LocalDate.of(2026, 4, 2));

        String page = json("officer1", "/api/v1/documents", "enterpriseId", firmId, "size", 200);
        Map<String, Object> shape = JsonPath.read(page, "$");
        assertThat(shape).containsOnlyKeys("items", "total", "page", "size");
        assertThat(JsonPath.<Integer>read(page, "$.page")).isZero();
        assertThat(JsonPath.<Integer>read(page, "$.size")).isEqualTo(200);
        List<Integer> ids = JsonPath.read(page, "$.items[*].id");
        assertThat(ids).contains((int) mine.id()).doesNotContain((int) other.id(), (int) western.id());
        // the firm's other documents (other test classes') may carry the name it had when they were issued
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.id == " + mine.id() + ")].partyName")).containsExactly(firmName);

        String inspections = json("officer1", "/api/v1/documents", "kind", "INSPECTION_RECORD", "year", 2026, "size", 200);
        assertThat(JsonPath.<List<String>>read(inspections, "$.items[*].kind")).containsOnly("INSPECTION_RECORD");
        assertThat(JsonPath.<List<String>>read(inspections, "$.items[*].issueDate")).allMatch(d -> d.startsWith("2026-"));
        assertThat(JsonPath.<List<Integer>>read(inspections, "$.items[*].id")).contains((int) mine.id(), (int) other.id())
                .doesNotContain((int) western.id());
        assertThat(JsonPath.<List<Integer>>read(inspections, "$.items[*].organizationId")).containsOnly((int) brigade);
        assertThat(JsonPath.<List<Object>>read(json("officer1", "/api/v1/documents", "year", 2001), "$.items")).isEmpty();

        String first = json("officer1", "/api/v1/documents", "size", 1, "page", 0);
        String second = json("officer1", "/api/v1/documents", "size", 1, "page", 1);
        assertThat(JsonPath.<Integer>read(first, "$.total")).isGreaterThanOrEqualTo(3).isEqualTo(JsonPath.read(second, "$.total"));
        assertThat(JsonPath.<List<Object>>read(first, "$.items")).hasSize(1);
        assertThat(JsonPath.<Integer>read(first, "$.items[0].id")).isNotEqualTo(JsonPath.read(second, "$.items[0].id"));
        assertThat(JsonPath.<Integer>read(second, "$.page")).isEqualTo(1);
    }

    @Test
    void one_document_reads_with_its_pdf_and_docx_and_another_districts_document_is_refused() throws Exception {
        IssuedDocument mine = issueFor(brigade, "示例下载测试有限公司", "91139900MA0000002X", LocalDate.of(2026, 5, 6));
        IssuedDocument western = issueFor(westUnit, "示例西城测试有限公司", "91139900MA0000003X", LocalDate.of(2026, 5, 6));

        String one = json("officer1", "/api/v1/documents/" + mine.id());
        assertThat(JsonPath.<String>read(one, "$.number")).isEqualTo(mine.number());
        assertThat(JsonPath.<String>read(one, "$.status")).isEqualTo("VALID");
        assertThat(JsonPath.<String>read(one, "$.statusLabel")).isEqualTo("有效");
        assertThat(JsonPath.<String>read(one, "$.pdfUrl")).isEqualTo("/api/v1/documents/" + mine.id() + "/pdf");

        MockHttpServletResponse pdf = call("officer1", "/api/v1/documents/" + mine.id() + "/pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(DocumentManagement.sha256(pdf.getContentAsByteArray())).isEqualTo(mine.pdfSha256());
        try (var doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(mine.pages());
            assertThat(new PDFTextStripper().getText(doc).replaceAll("[ \\u2009]", "")).contains("示例下载测试有限公司");
        }
        MockHttpServletResponse docx = call("officer1", "/api/v1/documents/" + mine.id() + "/docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(DocumentManagement.sha256(docx.getContentAsByteArray())).isEqualTo(mine.docxSha256());

        for (String path : List.of("", "/pdf", "/docx")) {
            MockHttpServletResponse refused = call("officer1", "/api/v1/documents/" + western.id() + path);
            assertThat(refused.getStatus()).as(path).isEqualTo(403);
            assertThat(refused.getContentAsString()).contains("无权访问本单位及下级单位以外的数据");
        }
        assertThat(call("zf001", "/api/v1/documents/" + western.id()).getStatus()).isEqualTo(200);
        MockHttpServletResponse unknown = call("officer1", "/api/v1/documents/999999999");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("文书不存在");
        assertThat(call("admin", "/api/v1/documents").getStatus()).isEqualTo(403);
        assertThat(call("auditor", "/api/v1/documents/" + mine.id() + "/pdf").getStatus()).isEqualTo(403);
    }

    @Test
    void a_firm_or_case_of_another_district_is_refused_as_a_filter_and_bad_parameters_are_chinese_400s() throws Exception {
        // a firm of 西城 that is nobody's own work (a task, hazard or case of officer1 would open it to him, and other
        // test classes give officers tasks and hazards on 西城's firms)
        long westernFirm = jdbc.sql("select id from enterprise where organization_id in (select id from organization where path like "
                + "(select path from organization where id = ?) || '%') and id not in (select enterprise_id from inspection_task) "
                + "and id not in (select enterprise_id from hazard) "
                + "and id not in (select enterprise_id from penalty_case where enterprise_id is not null) order by id limit 1")
                .param(west).query(Long.class).single();
        assertThat(call("officer1", "/api/v1/documents", "enterpriseId", westernFirm).getStatus()).isEqualTo(403);
        assertThat(call("officer1", "/api/v1/documents", "enterpriseId", 999999999).getStatus()).isEqualTo(404);
        assertThat(call("officer1", "/api/v1/documents", "caseId", 999999999).getStatus()).isEqualTo(404);

        for (Object[] bad : List.of(new Object[] {"year", "今年", "格式不正确"}, new Object[] {"year", 1900, "不在 2000—2100 之间"},
                new Object[] {"kind", "NO_SUCH_KIND", "文书种类“NO_SUCH_KIND”不存在"}, new Object[] {"caseId", "x1", "格式不正确"},
                new Object[] {"page", "二", "格式不正确"})) {
            MockHttpServletResponse response = call("officer1", "/api/v1/documents", bad[0], bad[1]);
            assertThat(response.getStatus()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat((String) JsonPath.read(response.getContentAsString(), "$.detail")).contains((String) bad[2]);
        }
    }

    @Test
    void a_cases_documents_are_listed_by_case_id() throws Exception {
        String cases = json("leader1", "/api/v1/cases", "size", 200);
        List<Integer> caseIds = JsonPath.read(cases, "$.items[*].id");
        List<String> numbers = JsonPath.read(cases, "$.items[*].caseNumber");
        int withDocuments = -1;
        for (int i = 0; i < caseIds.size() && withDocuments < 0; i++) {
            long count = jdbc.sql("select count(*) from doc_issued where source_type = 'case' and source_id = ?")
                    .param(numbers.get(i)).query(Long.class).single();
            if (count > 0) withDocuments = i;
        }
        assertThat(withDocuments).as("a demo case with documents").isNotNegative();
        String page = json("leader1", "/api/v1/documents", "caseId", caseIds.get(withDocuments), "size", 200);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].sourceId")).isNotEmpty().containsOnly(numbers.get(withDocuments));
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].sourceType")).containsOnly("case");
        assertThat(call("zf001", "/api/v1/documents", "caseId", caseIds.get(withDocuments)).getStatus()).isEqualTo(403);
        assertThat(new String(call("zf001", "/api/v1/documents", "caseId", caseIds.get(withDocuments)).getContentAsByteArray(),
                StandardCharsets.UTF_8)).contains("无权访问");
    }
}
