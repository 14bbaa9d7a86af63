package cn.zhifa.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DocumentTemplates;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.shared.db.ReadReplica;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reporting's figures read through a second, read-only pool (standing in for the replica: the same embedded database
 * under another application_name): the figures are the primary's, the queries are seen on the replica's connections,
 * a write through it fails, and a replica that is not there leaves the figures to the primary.
 */
@ZhifaIntegrationTest
class ReplicaReadsTests {

    static final String REPLICA_NAME = "zhifa-replica-test";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    InspectionManagement inspections;
    @Autowired
    HazardManagement hazards;
    @Autowired
    CaseStatistics cases;
    @Autowired
    DocumentManagement documents;
    @Autowired
    DocumentTemplates templates;
    @Autowired
    VisitReadModel visits;
    @Autowired
    HazardReadModel hazardModel;
    @Autowired
    CaseReadModel caseModel;
    @Autowired
    DocumentReadModel documentModel;
    @Autowired
    ReportingManagement reporting;
    @Autowired
    StatisticsReads applicationReads;
    @Autowired
    MockMvc mvc;

    private ReadReplica replicaAt(String url, Duration connectionTimeout) throws Exception {
        HikariDataSource primary = dataSource.unwrap(HikariDataSource.class);
        return ReadReplica.connect(new ReadReplica.Settings(url, primary.getUsername(), primary.getPassword(), REPLICA_NAME,
                1, 1, connectionTimeout, Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    private StatisticsReads readsThrough(ReadReplica replica) {
        return new StatisticsReads(jdbc, replica, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private List<Long> allUnits() {
        return jdbc.sql("SELECT id FROM organization").query(Long.class).list();
    }

    @Test
    void the_figures_are_read_on_the_replicas_read_only_connections_and_equal_the_primarys() throws Exception {
        int year = reporting.today().getYear();
        List<Long> units = allUnits();
        try (ReadReplica replica = replicaAt(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), Duration.ofSeconds(2))) {
            StatisticsReads reads = readsThrough(replica);
            HazardReadModel replicaHazards = new HazardReadModel(jdbc, hazards, reads);
            CaseReadModel replicaCases = new CaseReadModel(jdbc, cases, reads);
            DocumentReadModel replicaDocuments = new DocumentReadModel(jdbc, documents, templates, reads);
            VisitReadModel replicaVisits = new VisitReadModel(jdbc, inspections, reads);

            // equal once no event of another test is still being applied to the read models between the two reads
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(replicaHazards.figures(year, units)).isEqualTo(hazardModel.figures(year, units));
                assertThat(replicaCases.figures(year, units)).isEqualTo(caseModel.figures(year, units));
                assertThat(replicaDocuments.byKind(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), units))
                        .isEqualTo(documentModel.byKind(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), units));
                assertThat(replicaVisits.visitsPerMonth(year, units)).isEqualTo(visits.visitsPerMonth(year, units));
                VisitReadModel.VisitFigures figures = replicaVisits.figures(year, units);
                assertThat(figures).isEqualTo(visits.figures(year, units));
                assertThat(figures.visits()).as("the demo city has visits this year").isPositive();
            });

            assertThat(jdbc.sql("SELECT query FROM pg_stat_activity WHERE application_name = :name")
                    .param("name", REPLICA_NAME).query(String.class).list())
                    .as("the replica pool's one connection ran the last figure query").singleElement().asString()
                    .contains("count(DISTINCT enterprise_id)", "reporting_firm_year");
            String readOnly = reads.query(db -> db.sql("SELECT current_setting('transaction_read_only')").query(String.class).single());
            assertThat(readOnly).isEqualTo("on");
            assertThat(jdbc.sql("SELECT current_setting('application_name')").query(String.class).single())
                    .as("the application's own pool is not the replica's").isNotEqualTo(REPLICA_NAME);
        }
    }

    @Test
    void a_write_through_the_replica_fails_and_is_not_retried_on_the_primary() throws Exception {
        try (ReadReplica replica = replicaAt(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), Duration.ofSeconds(2))) {
            StatisticsReads reads = readsThrough(replica);
            List<String> asked = new java.util.ArrayList<>();
            assertThatThrownBy(() -> reads.query(db -> {
                asked.add(db == jdbc ? "primary" : "replica");
                return db.sql("UPDATE reporting_hazard SET major = major WHERE hazard_id = -1").update();
            })).hasMessageContaining("read-only transaction");
            assertThat(asked).containsExactly("replica");
        }
    }

    @Test
    void a_replica_that_is_not_there_leaves_the_figures_and_their_freshness_to_the_primary() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int year = reporting.today().getYear();
        List<Long> units = allUnits();
        try (ReadReplica replica = replicaAt("jdbc:postgresql://127.0.0.1:" + port + "/zhifa", Duration.ofMillis(250))) {
            StatisticsReads reads = readsThrough(replica);
            HazardReadModel replicaHazards = new HazardReadModel(jdbc, hazards, reads);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(replicaHazards.figures(year, units)).isEqualTo(hazardModel.figures(year, units)));
            Instant before = Instant.now().minusSeconds(5);
            assertThat(reads.figuresAsOf()).as("the primary answers: its figures are current").hasValueSatisfying(asOf ->
                    assertThat(asOf).isBetween(before, Instant.now().plusSeconds(5)));
        }
    }

    @Test
    void the_freshness_of_a_replica_is_one_query_cached_and_none_is_shown_without_a_replica() throws Exception {
        try (ReadReplica replica = replicaAt(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), Duration.ofSeconds(2))) {
            StatisticsReads reads = readsThrough(replica);
            Instant first = reads.figuresAsOf().orElseThrow();
            assertThat(first).as("a server that is not in recovery is current").isCloseTo(Instant.now(),
                    org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
            Thread.sleep(5);
            assertThat(reads.figuresAsOf()).as("cached: the database's now() would have moved").hasValue(first);
        }
        assertThat(reporting.figuresAsOf()).as("the application has no replica configured in the tests").isEmpty();
    }

    @Test
    void the_statistics_page_reads_through_the_configured_replica_and_says_how_fresh_its_figures_are() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        assertThat(mvc.perform(get("/reporting").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).as("no replica: the figures are current, nothing to say").doesNotContain("数据截至");

        JdbcClient none = (JdbcClient) ReflectionTestUtils.getField(applicationReads, "replica");
        try (ReadReplica pool = replicaAt(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), Duration.ofSeconds(2))) {
            Counting replica = new Counting(pool.dataSource().orElseThrow());
            ReflectionTestUtils.setField(applicationReads, "replica", JdbcClient.create(replica));
            String page = mvc.perform(get("/reporting").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).containsPattern("id=\"figures-as-of\">数据截至 \\d{2}:\\d{2}<").contains("年度指标");
            assertThat(replica.connections.get()).as("the year's figures, the months per chart, the freshness (and the "
                    + "per-unit rows when the unit has units below it)").isGreaterThanOrEqualTo(3);
        } finally {
            ReflectionTestUtils.setField(applicationReads, "replica", none);
        }
    }

    /** The replica's pool, counting the connections the reads take from it. */
    private static final class Counting extends DelegatingDataSource {

        final AtomicInteger connections = new AtomicInteger();

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }
}
