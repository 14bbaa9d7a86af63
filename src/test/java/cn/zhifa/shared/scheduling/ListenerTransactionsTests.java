package cn.zhifa.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.zhifa.OwnerDatabase;
import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.bench.JdbcLog;
import cn.zhifa.hazard.HazardFound;
import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardsFound;
import cn.zhifa.registry.EnforcementActRecorded;
import cn.zhifa.registry.EnforcementVisitRecorded;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery of an asynchronous module listener is one transaction: the listener's work and its publication's
 * completion commit together (Modulith alone: three transactions, the completion after the work's commit). A listener
 * that fails, or whose transaction does not commit, leaves its work undone and its publication failed, and
 * {@link FailedDeliveries} (or the registry's resubmission) delivers it again.
 */
@ZhifaIntegrationTest
class ListenerTransactionsTests {

    private static final Pattern BEGIN = Pattern.compile("[Cc]reating new transaction with name \\[([^\\]]+)]");
    private static final String MARKER = "监听事务测试";

    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    FailedDeliveries failedDeliveries;
    @Autowired
    TestClock clock;

    @AfterEach
    void cleanUp() {
        clock.reset();
        OwnerDatabase.of(context).committed(owner -> {
            owner.sql("DROP TRIGGER IF EXISTS listener_transactions_refuse ON enterprise_timeline").update();
            owner.sql("DROP FUNCTION IF EXISTS listener_transactions_refuse()").update();
            owner.sql("DELETE FROM reporting_hazard WHERE hazard_id BETWEEN -999999 AND -900000").update();
            owner.sql("DELETE FROM enforcement_act WHERE kind LIKE :m").param("m", MARKER + "%").update();
            owner.sql("DELETE FROM enterprise_timeline WHERE title LIKE :m").param("m", MARKER + "%").update();
            owner.sql("DELETE FROM event_publication WHERE serialized_event LIKE :m "
                            + "OR event_type LIKE '%.HazardsFound' AND serialized_event LIKE '%-90000_,%'")
                    .param("m", "%" + MARKER + "%").update();
        });
    }

    @Test
    void a_delivery_begins_one_transaction_in_which_the_work_and_the_publications_completion_commit() {
        long org = jdbc.sql("SELECT min(id) FROM organization").query(Long.class).single();
        List<HazardFound> found = List.of(
                new HazardFound(-900001, org, 0, "测试企业", HazardLevel.GENERAL, "隐患一", LocalDate.of(2026, 12, 1)),
                new HazardFound(-900002, org, 0, "测试企业", HazardLevel.GENERAL, "隐患二", LocalDate.of(2026, 12, 1)),
                new HazardFound(-900003, org, 0, "测试企业", HazardLevel.GENERAL, "隐患三", LocalDate.of(2026, 12, 1)));
        List<ILoggingEvent> log;
        try (JdbcLog jdbcLog = JdbcLog.capture(JdbcLog.JDBC)) {
            transactions.executeWithoutResult(tx -> events.publishEvent(new HazardsFound(found)));
            await().atMost(Duration.ofSeconds(30)).until(() -> status("%HazardReadModel.on(cn.zhifa.hazard.HazardsFound)", "%-900001,%")
                    .equals("COMPLETED"));
            log = jdbcLog.events();
        }

        String listener = "cn.zhifa.reporting.internal.HazardReadModel.on";
        String thread = log.stream().filter(e -> listener.equals(begun(e))).map(ILoggingEvent::getThreadName)
                .findFirst().orElseThrow();
        List<String> onListenersThread = new ArrayList<>();
        for (ILoggingEvent event : log) {
            if (!event.getThreadName().equals(thread)) {
                continue;
            }
            String name = begun(event);
            String sql = JdbcLog.sql(event.getFormattedMessage());
            if (name != null && (name.equals(listener) || name.startsWith("org.springframework.modulith"))) {
                onListenersThread.add("begin " + name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            } else if (sql != null && sql.toLowerCase().contains("event_publication")) {
                onListenersThread.add(sql.toLowerCase().startsWith("update") ? "update event_publication" : sql);
            } else if (sql != null && sql.contains("reporting_hazard")) {
                onListenersThread.add("insert reporting_hazard");
            } else if (event.getFormattedMessage().startsWith("Committing JDBC transaction")) {
                onListenersThread.add("commit");
            }
        }
        assertThat(onListenersThread).as("the listener's thread, from its transaction's begin")
                .containsExactly("begin HazardReadModel.on", "insert reporting_hazard", "update event_publication", "commit");
        assertThat(jdbc.sql("SELECT count(*) FROM reporting_hazard WHERE hazard_id IN (-900001, -900002, -900003)")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void a_listener_that_fails_leaves_its_work_undone_and_its_publication_failed_and_the_job_delivers_it_again() {
        refuseTimelineEntries("");
        String listener = "%EnforcementActs.on(cn.zhifa.registry.EnforcementVisitRecorded)";
        deliverOnceRefusedThenAgain("一", kind -> {
            failedDeliveries.resubmitDue();
            assertThat(status(listener, "%" + kind + "%")).as("not due before zhifa.events.retry-after").isEqualTo("FAILED");
            clock.advance(Duration.ofMinutes(1));
            failedDeliveries.resubmitDue(); // (or the job's own run, if it comes first)
        });
    }

    @Test
    void a_listener_whose_transaction_fails_at_its_commit_leaves_its_publication_failed_and_is_delivered_again() {
        refuseTimelineEntries("CONSTRAINT"); // checked at the commit, after the listener has returned
        deliverOnceRefusedThenAgain("二", kind -> incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withFilter(p -> p.getEvent() instanceof EnforcementVisitRecorded v && v.acts().get(0).kind().equals(kind))));
    }

    @Test
    void the_completion_runs_inside_the_listeners_transaction_and_nothing_else_changes_its_place() {
        Object listener = context.getBean(cn.zhifa.reporting.internal.HazardReadModel.class);
        List<Class<?>> chain = Arrays.stream(((Advised) listener).getAdvisors()).<Class<?>>map(Object::getClass).toList();
        assertThat(chain).containsExactly(AsyncAnnotationAdvisor.class, BeanFactoryTransactionAttributeSourceAdvisor.class,
                CompletionRegisteringAdvisor.class);
        assertThat(context.getBean(BeanFactoryTransactionAttributeSourceAdvisor.class).getOrder())
                .isEqualTo(ListenerTransactions.TRANSACTION_ORDER);

        // on every proxied bean of the application, nothing but the completion runs inside the transaction: every
        // other advisor is where it was, outside (before, the transaction had the lowest precedence)
        int transactional = 0;
        var beans = ((ConfigurableApplicationContext) context).getBeanFactory();
        for (String name : beans.getSingletonNames()) {
            if (!(beans.getSingleton(name) instanceof Advised advised)) {
                continue;
            }
            List<Advisor> advisors = Arrays.asList(advised.getAdvisors());
            int transaction = advisors.indexOf(context.getBean(BeanFactoryTransactionAttributeSourceAdvisor.class));
            if (transaction < 0) {
                continue;
            }
            transactional++;
            // @Repository's exception translation is appended to each proxy by its own post-processor, after all the
            // sorted advisors whatever their order: inside the transaction before as now
            assertThat(advisors.subList(transaction + 1, advisors.size()))
                    .as("advisors inside the transaction of " + name).allMatch(advisor -> advisor instanceof CompletionRegisteringAdvisor
                            || advisor instanceof org.springframework.dao.annotation.PersistenceExceptionTranslationAdvisor);
        }
        assertThat(transactional).as("transactional beans seen").isGreaterThan(50);
    }

    /** Publishes a visit whose delivery is refused, lets the database accept it again and has it delivered again. */
    private void deliverOnceRefusedThenAgain(String suffix, java.util.function.Consumer<String> deliverAgain) {
        var enterprise = jdbc.sql("SELECT id, organization_id FROM enterprise ORDER BY id LIMIT 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long user = jdbc.sql("SELECT min(id) FROM app_user").query(Long.class).single();
        String kind = MARKER + suffix;
        LocalDate on = LocalDate.of(2026, 12, 2);
        var visit = new EnforcementVisitRecorded(List.of(new EnforcementActRecorded(user, enterprise[0], on, kind, enterprise[1])),
                new EnterpriseTimelineEntry(enterprise[0], on, "检查", kind, ""));
        String listener = "%EnforcementActs.on(cn.zhifa.registry.EnforcementVisitRecorded)";

        transactions.executeWithoutResult(tx -> events.publishEvent(visit));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(listener, "%" + kind + "%")));
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_act WHERE kind = :k").param("k", kind).query(Long.class).single())
                .as("the act stored before the refused timeline entry is rolled back").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE :l AND serialized_event LIKE :e "
                + "AND completion_date IS NOT NULL").param("l", listener).param("e", "%" + kind + "%").query(Long.class).single())
                .as("completed").isZero();

        OwnerDatabase.of(context).committed(owner -> owner.sql("DROP TRIGGER listener_transactions_refuse ON enterprise_timeline").update());
        deliverAgain.accept(kind);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(listener, "%" + kind + "%")));
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_act WHERE kind = :k").param("k", kind).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_timeline WHERE title = :k").param("k", kind).query(Long.class).single()).isOne();
    }

    /** Refuses timeline entries of this test: at the insert, or ({@code CONSTRAINT}) at the commit. */
    private void refuseTimelineEntries(String when) {
        OwnerDatabase.of(context).committed(owner -> {
            owner.sql("""
                    CREATE OR REPLACE FUNCTION listener_transactions_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'refused by ListenerTransactionsTests'; END $$""").update();
            owner.sql(("CREATE %s TRIGGER listener_transactions_refuse AFTER INSERT ON enterprise_timeline %s FOR EACH ROW "
                    + "WHEN (NEW.title LIKE '" + MARKER + "%%') EXECUTE FUNCTION listener_transactions_refuse()")
                    .formatted(when, when.isEmpty() ? "" : "DEFERRABLE INITIALLY DEFERRED")).update();
        });
    }

    private String status(String listener, String event) {
        return jdbc.sql("SELECT coalesce(max(status), 'NONE') FROM event_publication WHERE listener_id LIKE :l AND serialized_event LIKE :e")
                .param("l", listener).param("e", event).query(String.class).single();
    }

    private static String begun(ILoggingEvent event) {
        Matcher matcher = BEGIN.matcher(event.getFormattedMessage());
        return matcher.find() ? matcher.group(1) : null;
    }
}
