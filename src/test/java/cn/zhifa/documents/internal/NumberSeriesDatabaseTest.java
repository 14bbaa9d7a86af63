package cn.zhifa.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The number series and the immutability trigger against a real PostgreSQL (module migrations only). */
class NumberSeriesDatabaseTest {

    static EmbeddedPostgres pg;
    static JdbcClient jdbc;
    static TransactionTemplate tx;
    static NumberSeries numbers;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        var ds = pg.getPostgresDatabase();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/documents").load().migrate();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new JdbcTransactionManager(ds));
        numbers = new NumberSeries(jdbc);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void eight_threads_issuing_1000_numbers_get_1000_distinct_gap_free_numbers() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            jobs.add(() -> {
                for (int i = 0; i < 125; i++) {
                    taken.add(tx.execute(s -> numbers.next(7L, "津东丽", "应急罚", 2026)));
                }
                return null;
            });
        }
        for (var f : pool.invokeAll(jobs)) f.get();
        pool.shutdown();
        assertThat(taken).hasSize(1000).doesNotHaveDuplicates();
        assertThat(taken).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 1000).boxed().toList());
    }

    static int next(long org, String prefix, int year) {
        Integer n = tx.execute(s -> numbers.next(org, "津河西", prefix, year));
        return n;
    }

    @Test
    void a_rolled_back_issue_gives_its_number_back_and_series_are_per_authority_prefix_and_year() {
        assertThat(next(8L, "应急责改", 2026)).isEqualTo(1);
        tx.executeWithoutResult(s -> {
            assertThat(numbers.next(8L, "津河西", "应急责改", 2026)).isEqualTo(2);
            s.setRollbackOnly();
        });
        assertThat(next(8L, "应急责改", 2026)).isEqualTo(2);
        assertThat(next(8L, "应急责改", 2027)).isEqualTo(1);
        assertThat(next(8L, "应急罚", 2026)).isEqualTo(1);
        assertThat(next(9L, "应急责改", 2026)).isEqualTo(1);
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_issued_document() {
        jdbc.sql("""
                insert into doc_issued (organization_id, kind, title, source_type, source_id, issue_date, issued_at,
                       verification_code, pdf, pdf_sha256, docx, docx_sha256, pages, content_json)
                values (1, 'RECTIFICATION_ORDER', '责令限期整改指令书', 'hazard', '1', date '2026-03-05', now(),
                       'ABCD-EFGH', '\\x01', repeat('a', 64), '\\x02', repeat('b', 64), 1, '{}')""").update();
        assertThatThrownBy(() -> jdbc.sql("update doc_issued set pdf_sha256 = repeat('c', 64)").update())
                .hasMessageContaining("已签发的文书不可修改或删除");
        assertThatThrownBy(() -> jdbc.sql("delete from doc_issued").update()).hasMessageContaining("已签发的文书不可修改或删除");
        assertThat(jdbc.sql("select pdf_sha256 from doc_issued where verification_code = 'ABCD-EFGH'").query(String.class).single())
                .isEqualTo("a".repeat(64));
    }
}
