package cn.zhifa.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhifa.ZhifaIntegrationTest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TaskExecutionOutcome;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Several nodes on one database: each scheduled sweep runs on one of them. "Node B" is a second lock provider on the
 * same database with its own name, as a second application instance would have.
 */
@ZhifaIntegrationTest
class ScheduledOnceTests {

    /** Scheduled methods that must run on every node: they refresh a node's own cache. */
    private static final List<String> PER_NODE = List.of("cn.zhifa.law.internal.CalendarRefresher.refresh");

    @Autowired
    LockProvider nodeA;
    @Autowired
    DataSource dataSource;
    @Autowired
    TaskScheduler scheduler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void every_scheduled_sweep_names_its_own_lock_except_the_per_node_cache_refresh() throws Exception {
        List<Method> scheduled = new ArrayList<>();
        for (ScheduledTask task : scheduledTasks()) {
            String qualified = task.toString();   // the @Scheduled method, "cn.zhifa.hazard.HazardManagement.sweepOverdue"
            if (!qualified.startsWith("cn.zhifa.")) {
                continue;                         // Spring Session's per-node cleanup of expired sessions
            }
            Class<?> owner = Class.forName(qualified.substring(0, qualified.lastIndexOf('.')));
            String name = qualified.substring(qualified.lastIndexOf('.') + 1);
            scheduled.add(Arrays.stream(owner.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(Scheduled.class)).findFirst().orElseThrow());
        }
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(7);
        List<String> unlocked = scheduled.stream().filter(m -> !m.isAnnotationPresent(SchedulerLock.class))
                .map(m -> m.getDeclaringClass().getName() + "." + m.getName()).toList();
        assertThat(unlocked).containsExactlyInAnyOrderElementsOf(PER_NODE);
        List<String> names = scheduled.stream().filter(m -> m.isAnnotationPresent(SchedulerLock.class))
                .map(m -> m.getAnnotation(SchedulerLock.class).name()).toList();
        assertThat(names).doesNotHaveDuplicates().allSatisfy(name -> assertThat(name).isNotBlank());
    }

    private List<ScheduledTask> scheduledTasks() {
        return context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream()).toList();
    }

    @Test
    void two_nodes_triggering_the_same_sweep_at_once_run_it_once_and_a_late_node_does_not_run_it_again() throws Exception {
        String sweep = "test-sweep-" + UUID.randomUUID();
        var onA = new DefaultLockingTaskExecutor(nodeA);
        var onB = new DefaultLockingTaskExecutor(SchedulingLocks.onDatabase(dataSource, "node-b"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Runnable theSweep = () -> {
            runs.incrementAndGet();
            sleep(200);
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = nodes.submit(() -> {
                awaitStart(start);
                onA.executeWithLock(theSweep, daily(sweep));
            });
            Future<?> b = nodes.submit(() -> {
                awaitStart(start);
                onB.executeWithLock(theSweep, daily(sweep));
            });
            start.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(runs).as("one of the two nodes ran the sweep").hasValue(1);

        onB.executeWithLock(theSweep, daily(sweep));
        assertThat(runs).as("a node whose clock is late does not run it again within the minute").hasValue(1);
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = :name").param("name", sweep).query(Long.class).single())
                .isOne();
    }

    @Test
    void the_scheduler_skips_a_scheduled_method_while_another_node_holds_its_lock() throws Exception {
        jdbc.sql("DELETE FROM shedlock WHERE name = :name").param("name", Sweep.NAME).update();
        Sweep sweep = new Sweep();
        var runnable = new ScheduledMethodRunnable(sweep, Sweep.class.getDeclaredMethod("run"));
        Optional<SimpleLock> heldByB = SchedulingLocks.onDatabase(dataSource, "node-b")
                .lock(new LockConfiguration(Instant.now(), Sweep.NAME, Duration.ofMinutes(5), Duration.ZERO));
        assertThat(heldByB).isPresent();
        try {
            // the scheduler's future completes when its run (here: the skipped one) has finished
            scheduler.schedule(runnable, Instant.now()).get(10, TimeUnit.SECONDS);
            assertThat(sweep.runs).as("node B holds the lock: this node's scheduler skips the run").hasValue(0);
        } finally {
            heldByB.get().unlock();
        }
        scheduler.schedule(runnable, Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sweep.runs).hasValue(1));
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = :name").param("name", Sweep.NAME)
                .query(String.class).single()).isNotEqualTo("node-b");
    }

    @Test
    void the_real_daily_hazard_sweep_is_skipped_by_the_scheduler_while_another_node_holds_its_lock() throws Exception {
        ScheduledTask hazardSweep = scheduledTasks().stream()
                .filter(task -> task.toString().contains("HazardManagement.sweepOverdue"))
                .findFirst().orElseThrow();
        TaskExecutionOutcome before = hazardSweep.getTask().getLastExecutionOutcome();
        Optional<SimpleLock> heldByB = SchedulingLocks.onDatabase(dataSource, "node-b")
                .lock(new LockConfiguration(Instant.now(), "hazard-overdue-sweep", Duration.ofMinutes(5), Duration.ZERO));
        assertThat(heldByB).as("no node ran the sweep within its minute").isPresent();
        try {
            // the runnable Spring's registrar hands to the scheduler for the @Scheduled method, as at 00:05 every day
            scheduler.schedule(hazardSweep.getTask().getRunnable(), Instant.now()).get(10, TimeUnit.SECONDS);
            assertThat(hazardSweep.getTask().getLastExecutionOutcome()).as("the sweep did not start on this node")
                    .isEqualTo(before);
        } finally {
            heldByB.get().unlock();
        }
    }

    static class Sweep {
        static final String NAME = "test-scheduled-sweep";
        final AtomicInteger runs = new AtomicInteger();

        @SchedulerLock(name = NAME)
        public void run() {
            runs.incrementAndGet();
        }
    }

    private static LockConfiguration daily(String name) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
