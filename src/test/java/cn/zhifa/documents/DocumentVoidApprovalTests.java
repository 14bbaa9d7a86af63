package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Voiding a document: an officer requests with the reason, a leader of the issuing unit approves; both audited. */
@ZhifaIntegrationTest
@Tag("external-db")
class DocumentVoidApprovalTests {

    @Autowired DocumentManagement documents;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void a_document_is_void_only_after_a_leader_approves_the_officers_request() throws Exception {
        long brigade = jdbc.sql("select id from organization where name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, jdbc.sql("select id from organization where name = '示例市东城区应急管理局'").query(Long.class).single());
        IssuedDocument d = documents.issue(DocumentsIntegrationTests.request(brigade, "INQUIRY_NOTICE",
                DocumentsIntegrationTests.fresh("case"), null));

        assertThat(status("auditor", "/documents/" + d.id() + "/void", "reason", "审计员想作废")).isEqualTo(403);
        assertThat(status("officer1", "/documents/" + d.id() + "/void", "reason", " ")).isEqualTo(302);
        assertThat(documents.openVoidRequest(d.id())).isEmpty();
        assertThat(lastOutcome()).isEqualTo("REJECTED");

        assertThat(status("officer1", "/documents/" + d.id() + "/void", "reason", "当事人名称填写错误")).isEqualTo(302);
        assertThat(documents.openVoidRequest(d.id())).isPresent();
        assertThat(documents.verify(d.verificationCode()).status()).isEqualTo(Verification.Status.VALID);
        assertThat(lastAudit()).isEqualTo("申请作废文书 SUCCESS");

        assertThat(status("officer1", "/documents/" + d.id() + "/void/decision", "approve", "true")).isEqualTo(403);
        assertThat(documents.verify(d.verificationCode()).status()).isEqualTo(Verification.Status.VALID);

        assertThat(status("leader1", "/documents/" + d.id() + "/void/decision", "approve", "true")).isEqualTo(302);
        assertThat(documents.verify(d.verificationCode()).status()).isEqualTo(Verification.Status.VOIDED);
        assertThat(documents.find(d.id()).orElseThrow().voidReason()).isEqualTo("当事人名称填写错误");
        assertThat(lastAudit()).isEqualTo("审批文书作废 SUCCESS");
    }

    @Test
    void the_requester_cannot_approve_their_own_request() throws Exception {
        long brigade = jdbc.sql("select id from organization where name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, jdbc.sql("select id from organization where name = '示例市东城区应急管理局'").query(Long.class).single());
        IssuedDocument d = documents.issue(DocumentsIntegrationTests.request(brigade, "INQUIRY_NOTICE",
                DocumentsIntegrationTests.fresh("case"), null));
        status("leader1", "/documents/" + d.id() + "/void", "reason", "编号错误");
        status("leader1", "/documents/" + d.id() + "/void/decision", "approve", "true");
        assertThat(documents.verify(d.verificationCode()).status()).isEqualTo(Verification.Status.VALID);
        assertThat(lastAudit()).isEqualTo("审批文书作废 REJECTED");
    }

    private int status(String user, String path, String name, String value) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        return mvc.perform(post(path).param(name, value).session(session).with(csrf())).andReturn().getResponse().getStatus();
    }

    private String lastOutcome() {
        return jdbc.sql("select outcome from audit_log order by id desc limit 1").query(String.class).single();
    }

    private String lastAudit() {
        return jdbc.sql("select action || ' ' || outcome from audit_log order by id desc limit 1").query(String.class).single();
    }
}
