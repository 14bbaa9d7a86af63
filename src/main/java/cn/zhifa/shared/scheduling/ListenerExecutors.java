package cn.zhifa.shared.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where the asynchronous module listeners run. Every {@code @ApplicationModuleListener} runs on Spring Boot's
 * {@code applicationTaskExecutor} ({@code spring.task.execution.*}: 8 threads, tasks beyond them wait in an unbounded
 * queue) unless it names another executor with {@code @Async}. Issuing a submitted record's documents (rendering the
 * PDF and DOCX, storing them: some 150–250 ms each, and a burst of submissions queues hundreds) runs on a small pool of
 * its own, {@link #DOCUMENTS}, so that such a burst never holds every thread of the shared pool: a hazard's case
 * proposal, the read models, credit and the registry's profile keep running beside it.
 * <p>
 * {@code spring.task.execution.mode: force} (application.yml) keeps the auto-configured {@code applicationTaskExecutor}
 * and keeps it the default of {@code @Async}: without it Spring Boot backs off as soon as any other executor exists,
 * and every listener would run on this small pool.
 * <p>
 * On shutdown the pool takes no new work, goes on with its queue while the context stops (at most
 * {@code spring.lifecycle.timeout-per-shutdown-phase}) and then drops the rest: what is not issued stays an incomplete
 * publication in the event publication registry and is delivered again at the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 * <p>
 * A listener that leaves its work to other nodes ({@link NotOnThisNode}) is reported in one line, not as an error;
 * every other failure of an asynchronous listener is logged as before, with its stack trace. The executor of
 * {@code @Async} without a name stays Spring Boot's {@code applicationTaskExecutor} (Boot wraps this configurer).
 */
@Configuration(proxyBeanMethods = false)
public class ListenerExecutors {

    /** The bean name to give {@code @Async} on the listener that issues a submitted record's documents. */
    public static final String DOCUMENTS = "documentIssueExecutor";

    @Bean(DOCUMENTS)
    ThreadPoolTaskExecutor documentIssueExecutor(@Value("${zhifa.executors.documents.threads:2}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("zhifa.executors.documents.threads must be at least 1, is " + threads);
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("documents-");
        // every order is stored in the event publication registry before it is queued: the queue only orders them
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    AsyncConfigurer listenerFailures() {
        return new AsyncConfigurer() {
            @Override
            public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
                return new ListenerFailures();
            }
        };
    }

    /** Failures of {@code @Async} listeners: left to another node (one line) or errors (as Spring logs them). */
    static final class ListenerFailures implements AsyncUncaughtExceptionHandler {

        private static final Logger log = LoggerFactory.getLogger(ListenerExecutors.class);
        private final AsyncUncaughtExceptionHandler errors = new SimpleAsyncUncaughtExceptionHandler();

        @Override
        public void handleUncaughtException(Throwable failure, java.lang.reflect.Method method, Object... params) {
            if (failure instanceof NotOnThisNode left) {
                log.debug("{}.{}: {}", method.getDeclaringClass().getSimpleName(), method.getName(), left.getMessage());
                return;
            }
            errors.handleUncaughtException(failure, method, params);
        }
    }
}
