package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.OwnerDatabase;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.shared.crypto.KeyProvider;
import cn.zhifa.shared.crypto.Sm2;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Each issued document carries an SM2 signature over its facts; the public page says whether it holds. */
@ZhifaIntegrationTest
@Tag("external-db")
class DocumentSignatureTests {

    @Autowired DocumentManagement documents;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired KeyProvider keys;

    @Test
    void an_issued_decision_is_sm2_signed_over_its_hash_and_the_public_page_says_the_signature_holds() throws Exception {
        IssuedDocument d = issueDecision();
        var stored = jdbc.sql("select algorithm, signed_statement, signature from doc_signature where document_id = ?")
                .param(d.id()).query().singleRow();
        assertThat(stored.get("algorithm")).isEqualTo("SM2-SM3");
        assertThat((String) stored.get("signed_statement")).contains(d.pdfSha256()).contains(d.number());
        assertThat(Sm2.verify(keys.signingKey("document-signing").publicKey(),
                ((String) stored.get("signed_statement")).getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex((String) stored.get("signature")))).isTrue();

        assertThat(documents.verify(d.verificationCode()).signature()).isEqualTo(Verification.Signature.VALID);
        String page = mvc.perform(get("/verify/" + d.verificationCode())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("签名有效").doesNotContain("签名无效");
    }

    @Test
    void a_hash_changed_in_the_database_or_a_forged_signature_reads_as_signature_invalid() throws Exception {
        IssuedDocument d = issueDecision();
        inRolledBackTransaction(() -> {
            jdbc.sql("alter table doc_issued disable trigger user").update();
            jdbc.sql("update doc_issued set pdf_sha256 = ? where id = ?").params("0".repeat(64), d.id()).update();
            assertThat(documents.verify(d.verificationCode()).signature()).isEqualTo(Verification.Signature.INVALID);
        });
        inRolledBackTransaction(() -> {
            jdbc.sql("alter table doc_signature disable trigger user").update();
            Sm2.KeyPair forger = Sm2.generate();
            String statement = Verification.signedStatement(d.verificationCode(), d.authorityName(), d.title(), d.number(),
                    d.issueDate(), d.pdfSha256());
            jdbc.sql("update doc_signature set signature = ?, public_key = ? where document_id = ?")
                    .params(HexFormat.of().formatHex(Sm2.sign(forger.privateKey(), statement.getBytes(StandardCharsets.UTF_8))),
                            HexFormat.of().formatHex(forger.publicKey()), d.id()).update();
            assertThat(documents.verify(d.verificationCode()).signature()).isEqualTo(Verification.Signature.INVALID);
        });
        assertThat(documents.verify(d.verificationCode()).signature()).isEqualTo(Verification.Signature.VALID);
    }

    private IssuedDocument issueDecision() {
        long east = jdbc.sql("select id from organization where name = '示例市东城区应急管理局'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, east);
        return documents.issue(DocumentsIntegrationTests.request(east, "PENALTY_DECISION_UNIT",
                DocumentsIntegrationTests.fresh("case"), LocalDate.of(2026, 3, 5)));
    }

    /** Tampering needs the owner role (the application's role may not disable a trigger): see {@link OwnerDatabase}. */
    private void inRolledBackTransaction(Runnable work) {
        OwnerDatabase.of(context).inRolledBackTransaction(owner -> work.run());
    }
}
