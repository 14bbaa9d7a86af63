package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.internal.DemoSignatureImages;
import cn.zhifa.shared.RuleViolation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 签名样式: registered once, replaced with history kept, checked as a PNG; demo documents purged only on purpose. */
@ZhifaIntegrationTest
class SignatureSpecimensTests {

    @Autowired SignatureSpecimens specimens;
    @Autowired DemoDocuments demoDocuments;
    @Autowired DocumentManagement documents;
    @Autowired JdbcClient jdbc;

    @Test
    void a_new_signature_replaces_the_current_one_and_the_old_one_is_kept() {
        String user = "specimen-test-" + System.nanoTime();
        SignatureSpecimen first = specimens.register(user, "测试人", DemoSignatureImages.of(user, "测试人"), user);
        SignatureSpecimen second = specimens.register(user, "测试人", DemoSignatureImages.of(user + "x", "测试人"), user);
        assertThat(specimens.current(user)).map(SignatureSpecimen::id).contains(second.id());
        assertThat(specimens.history(user)).extracting(SignatureSpecimen::id).containsExactly(second.id(), first.id());
        assertThat(specimens.find(first.id()).orElseThrow().current()).isFalse();
        DrawnSignature drawn = specimens.forArea(user, "officer1").orElseThrow();
        assertThat(drawn.area()).isEqualTo("officer1");
        assertThat(DocumentManagement.sha256(drawn.png())).isEqualTo(second.sha256());
        assertThat(specimens.forArea("nobody-" + System.nanoTime(), "approver")).isEmpty();
    }

    @Test
    void a_blank_or_foreign_image_is_refused_in_chinese() throws Exception {
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB), "png", blank);
        assertThatThrownBy(() -> specimens.register("blank-test", "空白", blank.toByteArray(), "blank-test"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("签名为空白");
        assertThatThrownBy(() -> specimens.registerDataUrl("jpeg-test", "图片", "data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}), "jpeg-test"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("PNG");
        assertThatThrownBy(() -> specimens.require("nobody-registered", "approver", "审批人某某"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("审批人某某尚未登记签名样式").hasMessageContaining("我的签名");
    }

    @Test
    void the_demo_logins_have_registered_signatures() {
        for (String user : List.of("officer1", "officer2", "leader1", "legal1")) {
            assertThat(specimens.current(user)).as(user).isPresent();
        }
    }

    @Test
    void demo_documents_are_deleted_only_through_the_audited_demo_purge() {
        long brigade = jdbc.sql("select id from organization where name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, documents.authorityFor(brigade).orElseThrow().organizationId());
        String id = "DEMO-PURGE-" + System.nanoTime();
        SourceRef source = new SourceRef("demo-test", id);
        IssuedDocument d = documents.issue(DocumentsIntegrationTests.request(brigade, "HEARING_NOTICE", source, LocalDate.of(2026, 7, 1)));
        assertThatThrownBy(() -> jdbc.sql("delete from doc_issued where id = :id").param("id", d.id()).update())
                .hasMessageContaining("已签发的文书不可修改或删除");

        assertThat(demoDocuments.purge("demo-test", List.of(id))).isEqualTo(1);
        assertThat(documents.forSource(source)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = '清除演示文书' and detail like '%1份文书%'")
                .query(Long.class).single()).isPositive();

        // the flag does not outlive the purge
        IssuedDocument other = documents.issue(DocumentsIntegrationTests.request(brigade, "HEARING_NOTICE",
                new SourceRef("demo-test", id + "-b"), LocalDate.of(2026, 7, 1)));
        assertThatThrownBy(() -> jdbc.sql("delete from doc_issued where id = :id").param("id", other.id()).update())
                .hasMessageContaining("已签发的文书不可修改或删除");
    }
}
