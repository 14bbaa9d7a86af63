package cn.zhifa.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo cases carry the documents of their steps; purging the demo removes those documents with the cases. */
@ZhifaIntegrationTest
class CaseworkDemoDocumentsTests {

    @Autowired CaseworkDemoData demo;
    @Autowired JdbcClient jdbc;

    @Test
    void demo_cases_carry_their_documents_and_a_purge_removes_them_with_the_cases() {
        assertThat(demoCaseDocumentKinds()).contains("CASE_FILING_APPROVAL", "CASE_HANDLING_APPROVAL", "CASE_CLOSING_APPROVAL",
                "CASE_TRANSFER");

        List<String> numbers = jdbc.sql("SELECT case_number FROM penalty_case WHERE source_reference LIKE 'DEMO-%'")
                .query(String.class).list();
        demo.purge();
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE source_reference LIKE 'DEMO-%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM doc_issued WHERE source_type = 'case' AND source_id IN (:numbers)")
                .param("numbers", numbers).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '清除演示文书'").query(Long.class).single()).isPositive();

        demo.load();   // the demo city is back for the other tests
        assertThat(demoCaseDocumentKinds()).contains("CASE_FILING_APPROVAL", "CASE_CLOSING_APPROVAL", "CASE_TRANSFER");
    }

    private List<String> demoCaseDocumentKinds() {
        return jdbc.sql("""
                        SELECT DISTINCT d.kind FROM doc_issued d JOIN penalty_case c ON d.source_type = 'case' AND d.source_id = c.case_number
                        WHERE c.source_reference LIKE 'DEMO-%'""").query(String.class).list();
    }
}
