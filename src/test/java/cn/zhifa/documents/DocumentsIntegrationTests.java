package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.internal.NumberSeries;
import cn.zhifa.documents.internal.VerificationCodes;
import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Numbering, issue, immutability, verification, correction, void and case files on the real database. */
@ZhifaIntegrationTest
@Tag("external-db")
class DocumentsIntegrationTests {

    @Autowired DocumentManagement documents;
    @Autowired NumberSeries numbers;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    long east;      // 示例市东城区应急管理局
    long brigade;   // 东城区应急管理综合行政执法大队

    @BeforeEach
    void demoCity() {
        east = jdbc.sql("select id from organization where name = '示例市东城区应急管理局'").query(Long.class).single();
        brigade = jdbc.sql("select id from organization where name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, east);
        SampleDocuments.ensureSettings(documents, jdbc.sql("select id from organization where name = '示例市西城区应急管理局'").query(Long.class).single());
    }

    @Test
    void an_authority_without_bank_details_cannot_issue_a_penalty_decision() {
        long city = jdbc.sql("select id from organization where name = '示例市应急管理局'").query(Long.class).single();
        assertThat(documents.authority(city)).isEmpty(); // only derived from the organisation tree
        assertThatThrownBy(() -> documents.issue(request(city, "PENALTY_DECISION_UNIT", fresh("case"), LocalDate.of(2026, 3, 5))))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("文书设置缺少罚款缴纳银行（代收机构）、缴款账号（请系统管理员在“文书设置”中为示例市应急管理局填写）");
        // a record without those blanks can be issued on the derived settings
        assertThat(documents.issue(request(city, "INSPECTION_RECORD", fresh("inspection"), null)).authorityName()).isEqualTo("示例市应急管理局");
    }

    @Test
    void an_issue_batch_reads_the_units_settings_once_and_a_change_takes_effect_for_the_next_issue() throws Exception {
        long west = jdbc.sql("select id from organization where name = '示例市西城区应急管理局'").query(Long.class).single();
        Authority saved = documents.authority(west).orElseThrow();
        Authority renamed = new Authority(west, "示例市西城区应急管理局（测试更名）", saved.shortName(), saved.government(),
                saved.reviewBody(), saved.court(), saved.address(), saved.postcode(), saved.contact(), saved.phone(),
                saved.paymentOffice(), saved.paymentAccount(), saved.prefixOverrides(), saved.wordingOverrides());
        var admin = Executors.newSingleThreadExecutor();
        try {
            List<IssuedDocument> batch = tx.execute(status -> {
                IssuedDocument first = documents.issue(request(west, "INSPECTION_RECORD", fresh("inspection"), null));
                try {
                    // an ADMIN saves new settings meanwhile (committed, in a transaction of its own)
                    admin.submit(() -> documents.saveAuthority(renamed, "admin")).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return List.of(first, documents.issue(request(west, "RECTIFICATION_ORDER", fresh("hazard"), null)));
            });
            assertThat(batch).as("one batch, the settings read once").extracting(IssuedDocument::authorityName)
                    .containsOnly(saved.name());
            assertThat(documents.issue(request(west, "INSPECTION_RECORD", fresh("inspection"), null)).authorityName())
                    .as("the next issue reads them again").isEqualTo(renamed.name());
            String readBefore = tx.execute(status -> documents.authorityFor(west).orElseThrow().name());
            String readAfterSaving = tx.execute(status -> {
                documents.authorityFor(west);
                documents.saveAuthority(saved, "admin");
                return documents.authorityFor(west).orElseThrow().name();
            });
            assertThat(readBefore).isEqualTo(renamed.name());
            assertThat(readAfterSaving).as("saving in a transaction forgets what it read").isEqualTo(saved.name());
        } finally {
            admin.shutdown();
            documents.saveAuthority(saved, "admin");
        }
    }

    static IssueRequest request(long org, String kind, SourceRef source, LocalDate date) {
        TemplateSummary t = DocumentTemplates.standard().find(kind).orElseThrow();
        DocumentContent c = SampleDocuments.content(t);
        return new IssueRequest(kind, org, source, c.fields(), List.copyOf(c.parties().values()), c.officers(),
                c.signatures(), c.refusals(), date, "officer1", null);
    }

    static SourceRef fresh(String type) {
        return new SourceRef(type, UUID.randomUUID().toString());
    }

    @Test
    void eight_threads_issuing_1000_numbers_get_1000_distinct_gap_free_numbers() throws Exception {
        String prefix = "应急测" + UUID.randomUUID().toString().substring(0, 6);
        var pool = Executors.newFixedThreadPool(8);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            jobs.add(() -> {
                for (int i = 0; i < 125; i++) taken.add(tx.execute(s -> numbers.next(east, "东城", prefix, 2026)));
                return null;
            });
        }
        for (var f : pool.invokeAll(jobs)) f.get();
        pool.shutdown();
        assertThat(taken).hasSize(1000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 1000).boxed().toList());
    }

    @Test
    void parallel_issues_of_whole_documents_get_distinct_consecutive_numbers_in_their_series() throws Exception {
        int year = 2031 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits() % 60));
        int before = numbers.last(east, "东城", "应急责改", year);
        var pool = Executors.newFixedThreadPool(8);
        List<Callable<IssuedDocument>> jobs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            jobs.add(() -> documents.issue(request(brigade, "RECTIFICATION_ORDER", fresh("hazard"), LocalDate.of(year, 6, 1))));
        }
        List<String> issued = new ArrayList<>();
        for (var f : pool.invokeAll(jobs)) issued.add(f.get().number());
        pool.shutdown();
        List<String> expected = IntStream.rangeClosed(before + 1, before + 16)
                .mapToObj(n -> "（东城）应急责改〔" + year + "〕" + n + "号").toList();
        assertThat(issued).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_brigade_issues_in_the_name_of_its_bureau_and_the_exact_bytes_are_stored_with_their_hash() throws Exception {
        IssuedDocument d = documents.issue(request(brigade, "PENALTY_DECISION_UNIT", fresh("case"), LocalDate.of(2026, 3, 5)));
        assertThat(d.organizationId()).isEqualTo(brigade);
        assertThat(d.authorityOrganizationId()).isEqualTo(east);
        assertThat(d.authorityName()).isEqualTo("示例市东城区应急管理局");
        assertThat(d.number()).startsWith("（东城）应急罚〔2026〕").endsWith("号");
        byte[] pdf = documents.pdf(d.id()).orElseThrow();
        assertThat(DocumentManagement.sha256(pdf)).isEqualTo(d.pdfSha256());
        assertThat(DocumentManagement.sha256(documents.docx(d.id()).orElseThrow())).isEqualTo(d.docxSha256());
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\u2009]", "");
            assertThat(text).contains("行政处罚决定书（单位）", d.number(), SampleDocuments.UNIT, "示例市东城区人民政府",
                    "核验码" + d.verificationCode());
        }
    }

    @Test
    void issuing_without_a_required_signature_is_refused_in_chinese_and_changes_nothing() {
        int year = 2099;
        IssueRequest complete = request(east, "RECTIFICATION_ORDER", fresh("hazard"), LocalDate.of(year, 1, 5));
        var unsigned = new IssueRequest(complete.kind(), east, complete.source(), complete.fields(), complete.parties(),
                complete.officers(), complete.signatures().stream().filter(s -> !s.area().equals("party")).toList(),
                List.of(), complete.date(), "officer1", null);
        long docs = jdbc.sql("select count(*) from doc_issued").query(Long.class).single();
        int last = numbers.last(east, "东城", "应急责改", year);

        assertThatThrownBy(() -> documents.issue(unsigned)).isInstanceOf(RuleViolation.class)
                .hasMessage("《责令限期整改指令书》不能签发：缺少签名：被检查单位负责人（签名）（或记录拒绝签名的情况）");
        var noFields = new IssueRequest(complete.kind(), east, complete.source(), Map.of(), complete.parties(),
                complete.officers(), complete.signatures(), List.of(), complete.date(), "officer1", null);
        assertThatThrownBy(() -> documents.issue(noFields)).hasMessageContaining("缺少必填项：存在的问题");

        assertThat(jdbc.sql("select count(*) from doc_issued").query(Long.class).single()).isEqualTo(docs);
        assertThat(numbers.last(east, "东城", "应急责改", year)).isEqualTo(last);

        var refused = new IssueRequest(complete.kind(), east, complete.source(), complete.fields(), complete.parties(),
                complete.officers(), unsigned.signatures(), List.of(new SignatureRefusal("party", "拒绝签名", "村委会主任")),
                complete.date(), "officer1", null);
        assertThat(documents.issue(refused).number()).isEqualTo("（东城）应急责改〔" + year + "〕" + (last + 1) + "号");
    }

    @Test
    void an_issued_document_cannot_be_edited_in_the_database() {
        IssuedDocument d = documents.issue(request(east, "INSPECTION_RECORD", fresh("inspection"), null));
        assertThatThrownBy(() -> jdbc.sql("update doc_issued set pdf_sha256 = :h where id = :id")
                .param("h", "0".repeat(64)).param("id", d.id()).update()).hasMessageContaining("已签发的文书不可修改或删除");
        assertThatThrownBy(() -> jdbc.sql("delete from doc_issued where id = :id").param("id", d.id()).update())
                .hasMessageContaining("已签发的文书不可修改或删除");
        assertThat(documents.find(d.id()).orElseThrow().pdfSha256()).isEqualTo(d.pdfSha256());
    }

    @Test
    void the_same_idempotency_key_returns_the_document_issued_first() {
        IssueRequest r = request(east, "INQUIRY_NOTICE", fresh("case"), null);
        String key = UUID.randomUUID().toString();
        var keyed = new IssueRequest(r.kind(), east, r.source(), r.fields(), r.parties(), r.officers(), r.signatures(),
                r.refusals(), r.date(), "officer1", key);
        assertThat(documents.issue(keyed).id()).isEqualTo(documents.issue(keyed).id());

        // a terminal retrying in parallel with the same key still gets one document
        var raced = new IssueRequest(r.kind(), east, fresh("case"), r.fields(), r.parties(), r.officers(), r.signatures(),
                r.refusals(), r.date(), "officer1", UUID.randomUUID().toString());
        var pool = Executors.newFixedThreadPool(4);
        List<Callable<Long>> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) jobs.add(() -> documents.issue(raced).id());
        List<Long> ids = new ArrayList<>();
        try {
            for (var f : pool.invokeAll(jobs)) ids.add(f.get());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        assertThat(documents.forSource(raced.source())).hasSize(1);
    }

    @Test
    void a_verification_code_already_printed_is_never_given_again_the_document_is_printed_with_another() throws Exception {
        IssuedDocument first = documents.issue(request(east, "PENALTY_DECISION_UNIT", fresh("case"), LocalDate.of(2026, 3, 5)));
        var offered = new java.util.ArrayDeque<>(List.of(first.verificationCode()));
        documents.codes(() -> offered.isEmpty() ? VerificationCodes.next() : offered.poll());
        IssuedDocument second;
        try {
            second = documents.issue(request(east, "PENALTY_DECISION_UNIT", fresh("case"), LocalDate.of(2026, 3, 5)));
        } finally {
            documents.codes(VerificationCodes::next);
        }
        assertThat(offered).as("the taken code was offered first").isEmpty();
        assertThat(second.verificationCode()).isNotEqualTo(first.verificationCode());
        assertThat(documents.find(second.id())).as("returned as stored").contains(second);
        assertThat(documents.verify(first.verificationCode()).number()).isEqualTo(first.number());
        assertThat(documents.verify(second.verificationCode()).number()).isEqualTo(second.number());
        try (var doc = Loader.loadPDF(documents.pdf(second.id()).orElseThrow())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\u2009]", "");
            assertThat(text).contains(second.number(), "核验码" + second.verificationCode()).doesNotContain(first.verificationCode());
        }
    }

    @Test
    void the_public_page_confirms_a_real_document_and_rejects_a_tampered_one_without_showing_personal_data() throws Exception {
        IssuedDocument d = documents.issue(request(brigade, "PENALTY_DECISION_PERSON", fresh("case"), LocalDate.of(2026, 3, 5)));
        byte[] pdf = documents.pdf(d.id()).orElseThrow();

        String page = mvc.perform(get("/verify/" + d.verificationCode())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本文书由本系统签发，真实有效", "示例市东城区应急管理局", d.number())
                .doesNotContain(SampleDocuments.PERSON).doesNotContain("120110197905120031")
                .doesNotContain(d.pdfSha256()).doesNotContain("SHA-256");

        String same = mvc.perform(multipart("/verify/" + d.verificationCode())
                        .file(new MockMultipartFile("file", "decision.pdf", "application/pdf", pdf)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(same).contains("一致：所核对的文件与签发时保存的文书完全相同");

        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 0x20;
        String changed = mvc.perform(multipart("/verify/" + d.verificationCode())
                        .file(new MockMultipartFile("file", "decision.pdf", "application/pdf", tampered)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(changed).contains("不一致").doesNotContain("完全相同");

        String pasted = mvc.perform(post("/verify/" + d.verificationCode()).param("hash", "f".repeat(64)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(pasted).contains("不一致");
        assertThat(documents.verify(d.verificationCode().toLowerCase()).matches(d.pdfSha256().toUpperCase())).isTrue();

        String json = mvc.perform(get("/api/v1/verify/" + d.verificationCode()).param("sha256", d.pdfSha256()))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"matches\":true", d.number(), "\"status\":\"VALID\"").doesNotContain(SampleDocuments.PERSON);
        var unknown = mvc.perform(get("/api/v1/verify/ZZZZ-ZZZZ")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("核验码“ZZZZ-ZZZZ”不存在");
    }

    @Test
    void an_unknown_verification_code_gets_a_clear_chinese_message() throws Exception {
        var response = mvc.perform(get("/verify/ZZZZ-ZZZZ")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("核验码“ZZZZ-ZZZZ”不存在");
        assertThat(mvc.perform(get("/verify/not-a-code")).andReturn().getResponse().getContentAsString())
                .contains("核验码“not-a-code”不存在");
    }

    @Test
    void a_correction_is_a_new_version_with_its_reason_and_the_old_one_says_so() {
        IssueRequest r = request(east, "RECTIFICATION_ORDER", fresh("hazard"), LocalDate.of(2026, 3, 5));
        IssuedDocument first = documents.issue(r);
        assertThatThrownBy(() -> documents.correct(first.id(), r, " ")).hasMessage("更正文书必须说明理由");

        IssuedDocument second = documents.correct(first.id(), r, "整改期限笔误，更正为3月20日");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.number()).isEqualTo(first.number());
        assertThat(second.supersedesId()).isEqualTo(first.id());
        assertThat(second.correctionReason()).isEqualTo("整改期限笔误，更正为3月20日");
        assertThat(second.verificationCode()).isNotEqualTo(first.verificationCode());

        assertThat(documents.verify(first.verificationCode()).status()).isEqualTo(Verification.Status.CORRECTED);
        assertThat(documents.verify(second.verificationCode()).status()).isEqualTo(Verification.Status.VALID);
        assertThatThrownBy(() -> documents.correct(first.id(), r, "再改")).hasMessageContaining("该版本已被更正过");
    }

    @Test
    void a_voided_number_stays_recorded_with_its_reason() {
        IssuedDocument d = documents.issue(request(east, "INQUIRY_NOTICE", fresh("case"), null));
        documents.voidDocument(d.id(), "当事人名称填写错误，重新签发", "leader1");
        IssuedDocument voided = documents.find(d.id()).orElseThrow();
        assertThat(voided.number()).isEqualTo(d.number());
        assertThat(voided.voidReason()).isEqualTo("当事人名称填写错误，重新签发");
        assertThat(documents.verify(d.verificationCode()).status()).isEqualTo(Verification.Status.VOIDED);
        assertThatThrownBy(() -> documents.voidDocument(d.id(), "again", "leader1")).hasMessageContaining("文书已经作废");
    }

    @Test
    void a_case_file_collects_the_current_documents_of_a_case_in_filing_order() {
        SourceRef kase = fresh("case");
        for (String kind : List.of("CASE_CLOSING_APPROVAL", "PENALTY_NOTICE", "CASE_FILING_APPROVAL", "PENALTY_DECISION_UNIT",
                "INQUIRY_RECORD", "SERVICE_RECEIPT", "INVESTIGATION_REPORT")) {
            documents.issue(request(brigade, kind, kase, LocalDate.of(2026, 3, 5)));
        }
        IssuedDocument spoiled = documents.issue(request(brigade, "INQUIRY_NOTICE", kase, LocalDate.of(2026, 3, 5)));
        documents.voidDocument(spoiled.id(), "作废测试", "leader1");

        CaseFile file = documents.assembleCaseFile(kase, new CaseFileCover("GENERAL", "示例市东城区应急管理局", "测试案",
                "未如实记录安全生产教育和培训情况", "罚款5万元", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20),
                "赵立新、孙雪梅", LocalDate.of(2026, 3, 25), "DC-2026-1", "永久"));

        assertThat(file.contents()).extracting(CaseFile.Item::title).containsExactly("行政处罚决定书（单位）", "立案审批表",
                "询问笔录", "行政处罚告知书", "案件调查报告", "送达回执", "结案审批表");
        assertThat(file.missingDocuments()).isEmpty();
        assertThat(file.signatureFindings()).isNotEmpty().allMatch(f -> f.contains("审核人（签名）未签名") || f.contains("审批人（签名）未签名"));
    }

    @Test
    void officers_list_and_download_their_units_documents_and_see_statistics() throws Exception {
        IssuedDocument d = documents.issue(request(brigade, "ON_SITE_MEASURES", fresh("inspection"), null));
        var officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        String list = mvc.perform(get("/documents").param("kind", "ON_SITE_MEASURES").session(officer)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(d.number());
        var pdf = mvc.perform(get("/documents/" + d.id() + "/pdf").session(officer)).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(DocumentManagement.sha256(pdf.getContentAsByteArray())).isEqualTo(d.pdfSha256());
        assertThat(mvc.perform(get("/documents/" + d.id() + "/docx").session(officer)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/documents/" + d.id()).session(officer)).andReturn().getResponse().getContentAsString())
                .contains(d.number(), d.verificationCode());
        assertThat(mvc.perform(get("/documents/statistics").session(officer)).andReturn().getResponse().getContentAsString())
                .contains("现场处理措施决定书", "东城区应急管理综合行政执法大队");

        // another district's officer does not see it
        long west = jdbc.sql("select id from organization where name = '示例市西城区应急管理局'").query(Long.class).single();
        IssuedDocument other = documents.issue(request(west, "ON_SITE_MEASURES", fresh("inspection"), null));
        assertThat(mvc.perform(get("/documents/" + other.id()).session(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void statistics_list_every_unit_in_scope_a_unit_without_documents_with_zero() throws Exception {
        documents.issue(request(brigade, "ON_SITE_MEASURES", fresh("inspection"), null));
        var supervisor = (MockHttpSession) mvc.perform(formLogin().user("supervisor1").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        String page = mvc.perform(get("/documents/statistics").session(supervisor)).andReturn().getResponse().getContentAsString();
        // the department issues nothing: listed with 0, as table row (desktop) and card (phone)
        assertThat(page).containsPattern("<tr class=\"unit-row\">\\s*<td>安全生产基础科</td>\\s*<td class=\"text-end\">0</td>");
        assertThat(page).containsPattern("<span class=\"fw-semibold small\">安全生产基础科</span>\\s*<span class=\"badge text-bg-secondary\">0 份</span>");
        // the district the brigade belongs to adds up its brigade's documents
        assertThat(page).containsPattern("<tr class=\"unit-row\">\\s*<td>示例市东城区应急管理局</td>\\s*<td class=\"text-end\">[1-9]\\d*</td>");
        // each unit directly under the city is a row
        for (String unit : List.of("示例市应急管理综合行政执法支队", "政策法规科", "示例市西城区应急管理局", "示例市高新区应急管理局")) {
            assertThat(page).contains("<td>" + unit + "</td>");
        }
    }

    @Test
    void an_admin_rewords_a_paragraph_chosen_by_document_title_and_first_words_and_the_document_prints_it() throws Exception {
        var admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        long gaoxin = jdbc.sql("select id from organization where name = '示例市高新区应急管理局'").query(Long.class).single();
        String page = mvc.perform(get("/documents/settings/" + gaoxin).session(admin)).andReturn().getResponse().getContentAsString();
        // the choices are Chinese: the document's title as the group, the paragraph's first words as the option
        assertThat(page).contains("<optgroup label=\"责令限期整改指令书\">", ">现责令你单位对上述第……项问题于……前整改完毕……</option>",
                "各文书通用段落");
        String visible = page.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]*>", " ");
        assertThat(visible).doesNotContainPattern("[A-Z_]{4,}\\.[a-z]").doesNotContain("fragment.", "高级");

        mvc.perform(post("/documents/settings/" + gaoxin).session(admin).with(csrf())
                .param("name", "示例市高新区应急管理局").param("shortName", "高新")
                .param("government", "示例市高新区管委会").param("court", "示例市高新区人民法院")
                .param("wordings[0].key", "RECTIFICATION_ORDER.order")
                .param("wordings[0].text", "限你单位于{deadline}前将上述问题全部整改到位（高新措辞）")
                .param("wordings[1].key", "").param("wordings[1].text", ""));
        IssuedDocument d = documents.issue(request(gaoxin, "RECTIFICATION_ORDER", fresh("hazard"), LocalDate.of(2026, 3, 6)));
        try (var doc = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s|\\u2009", "");
            assertThat(text).contains("前将上述问题全部整改到位（高新措辞）").doesNotContain("达到有关法律法规规章和标准规定的要求");
        }
        // the saved override is shown again as a chosen paragraph with its text
        String again = mvc.perform(get("/documents/settings/" + gaoxin).session(admin)).andReturn().getResponse().getContentAsString();
        assertThat(again).containsPattern("value=\"RECTIFICATION_ORDER.order\"[^>]*selected").contains("全部整改到位（高新措辞）");
    }

    @Test
    void an_admin_adjusts_an_authoritys_settings_and_bad_wording_is_refused() throws Exception {
        var admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        long gaoxin = jdbc.sql("select id from organization where name = '示例市高新区应急管理局'").query(Long.class).single();
        var before = documents.authority(gaoxin);
        String bad = mvc.perform(post("/documents/settings/" + gaoxin).session(admin).with(csrf())
                        .param("name", "示例市高新区应急管理局").param("shortName", "高新")
                        .param("wordingOverrides", "RECTIFICATION_ORDER.order=限于{deadlin}前整改"))
                .andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("占位符 {deadlin} 未定义");
        assertThat(documents.authority(gaoxin)).isEqualTo(before);

        mvc.perform(post("/documents/settings/" + gaoxin).session(admin).with(csrf())
                .param("name", "示例市高新区应急管理局").param("shortName", "示高新")
                .param("government", "示例市高新区管委会").param("court", "示例市高新区人民法院")
                .param("prefixOverrides", "RECTIFICATION_ORDER=限改"));
        assertThat(documents.authority(gaoxin)).get().extracting(Authority::shortName).isEqualTo("示高新");
        IssuedDocument d = documents.issue(request(gaoxin, "RECTIFICATION_ORDER", fresh("hazard"), LocalDate.of(2026, 3, 5)));
        assertThat(d.number()).startsWith("（示高新）应急限改〔2026〕");

        var officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        assertThat(mvc.perform(get("/documents/settings/" + gaoxin).session(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void new_bytes_live_in_the_object_store_under_their_hash_and_a_row_issued_before_keeps_its_own() {
        IssuedDocument d = documents.issue(request(brigade, "INQUIRY_NOTICE", fresh("case"), LocalDate.of(2026, 3, 5)));
        var row = jdbc.sql("select pdf is null, pdf_key, docx is null, docx_key from doc_issued where id = :id")
                .param("id", d.id()).query((rs, n) -> List.of(rs.getBoolean(1), String.valueOf(rs.getString(2)),
                        rs.getBoolean(3), String.valueOf(rs.getString(4)))).single();
        assertThat(row).containsExactly(true, d.pdfSha256().substring(0, 2) + "/" + d.pdfSha256(),
                true, d.docxSha256().substring(0, 2) + "/" + d.docxSha256());
        byte[] pdf = documents.pdf(d.id()).orElseThrow();
        byte[] docx = documents.docx(d.id()).orElseThrow();
        assertThat(DocumentManagement.sha256(pdf)).isEqualTo(d.pdfSha256());

        // a document issued before V8_41: bytes in the row, no key
        long old = jdbc.sql("""
                        insert into doc_issued (organization_id, authority_org_id, authority_name, kind, title, source_type, source_id,
                          issue_date, issued_at, verification_code, pdf, pdf_sha256, docx, docx_sha256, pages, content_json)
                        select organization_id, authority_org_id, authority_name, kind, title, 'legacy', :source, issue_date, issued_at,
                          :code, :pdf, pdf_sha256, :docx, docx_sha256, pages, content_json from doc_issued where id = :id
                        returning id""")
                .param("source", UUID.randomUUID().toString()).param("code", UUID.randomUUID().toString().substring(0, 16))
                .param("pdf", pdf).param("docx", docx).param("id", d.id()).query(Long.class).single();
        assertThat(documents.pdf(old).orElseThrow()).isEqualTo(pdf);
        assertThat(documents.docx(old).orElseThrow()).isEqualTo(docx);
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into doc_issued (organization_id, authority_org_id, authority_name, kind, title, source_type, source_id,
                          issue_date, issued_at, verification_code, pdf_sha256, docx_sha256, pages, content_json)
                        select organization_id, authority_org_id, authority_name, kind, title, 'legacy', 'none', issue_date, issued_at,
                          :code, pdf_sha256, docx_sha256, pages, content_json from doc_issued where id = :id""")
                .param("code", UUID.randomUUID().toString().substring(0, 16)).param("id", d.id()).update())
                .as("a row with neither bytes nor key").hasMessageContaining("violates check constraint \"doc_issued_").hasMessageContaining("_kept");
    }
}
