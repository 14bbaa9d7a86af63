package cn.zhifa.shared.scheduling;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.config.TransactionManagementConfigUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction per delivery of an asynchronous module listener ({@code @ApplicationModuleListener}: {@code @Async},
 * {@code @Transactional(REQUIRES_NEW)}, {@code @TransactionalEventListener}): the listener's work and its
 * publication's completion ({@code UPDATE event_publication … COMPLETED}) commit together. Spring Modulith (2.1) marks
 * the publication processing and then completed in two transactions of their own around the listener's, three commits
 * a delivery, with a moment in which the work is committed and the publication still open, delivered again after a
 * crash.
 * <ul>
 * <li>Modulith's {@link CompletionRegisteringAdvisor} runs inside the transaction advisor: the transaction advisor is
 * ordered {@link #TRANSACTION_ORDER} (Spring's default is the lowest precedence; no other advisor of the application
 * is ordered after {@code TRANSACTION_ORDER}, so nothing else changes its place relative to the transaction), the
 * completion advisor {@link #COMPLETION_ORDER}. {@code @Async} stays outermost (its post-processor puts its advisor
 * before all others).</li>
 * <li>{@link InListenerTransaction}, the registry everything else is given, completes a publication in the listener's
 * own transaction and skips marking it processing there (nobody could see that state before the commit that
 * completes it). A failure is still marked in a transaction of its own, which survives the listener's rollback; so
 * is a completion whose transaction rolls back after all (a commit that fails, a transaction set rollback-only): the
 * publication stays incomplete, failed, and is delivered again like any failed one. While a failure is marked the
 * delivery holds a second connection for a moment.</li>
 * <li>Listeners without a transaction of their own (not {@code @Transactional}, or called within another
 * transaction) keep Modulith's behaviour unchanged.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ListenerTransactions {

    /** The transaction advisor's order: just before the lowest precedence. */
    public static final int TRANSACTION_ORDER = Ordered.LOWEST_PRECEDENCE - 1;
    /** Modulith's completion advisor's order: inside the transaction advisor. */
    public static final int COMPLETION_ORDER = Ordered.LOWEST_PRECEDENCE;

    @Bean
    static BeanFactoryPostProcessor completionInsideListenerTransactions() {
        return new CompletionInside();
    }

    @Bean
    @Primary
    EventPublicationRegistry listenerTransactionPublications(DefaultEventPublicationRegistry modulith,
                                                             EventPublicationRepository publications,
                                                             PlatformTransactionManager transactions) {
        return new InListenerTransaction(modulith, publications, transactions);
    }

    /**
     * Orders the two advisors in their bean definitions: the order is set on each advisor as it is created, however
     * early (Spring Security's method security has them created before the application's post-processors are).
     */
    static final class CompletionInside implements BeanFactoryPostProcessor {

        /** Spring Modulith's bean ({@code EventPublicationConfiguration.completionRegisteringAdvisor}). */
        static final String COMPLETION_ADVISOR = "completionRegisteringAdvisor";

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
            order(beans, TransactionManagementConfigUtils.TRANSACTION_ADVISOR_BEAN_NAME, TRANSACTION_ORDER);
            order(beans, COMPLETION_ADVISOR, COMPLETION_ORDER);
        }

        private static void order(ConfigurableListableBeanFactory beans, String name, int order) {
            if (!beans.containsBeanDefinition(name)) {
                throw new IllegalStateException("No bean " + name + " to order: has Spring or Spring Modulith renamed it?");
            }
            beans.getBeanDefinition(name).getPropertyValues().add("order", order);
        }
    }

    /**
     * Modulith's registry, except inside a listener's own transaction: there a publication is completed in that
     * transaction (marked failed in a transaction of its own if that transaction rolls back after all) and not marked
     * processing.
     */
    static final class InListenerTransaction implements EventPublicationRegistry {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ListenerTransactions.class);

        private final EventPublicationRegistry modulith;
        /** Modulith's registry without its own {@code REQUIRES_NEW} transactions: it joins the listener's. */
        private final EventPublicationRegistry joining;
        private final EventPublicationRepository publications;
        private final TransactionTemplate apart;

        InListenerTransaction(DefaultEventPublicationRegistry modulith, EventPublicationRepository publications,
                              PlatformTransactionManager transactions) {
            this.modulith = modulith;
            Object target = AopProxyUtils.getSingletonTarget(modulith);
            this.joining = target instanceof EventPublicationRegistry unproxied ? unproxied : modulith;
            this.publications = publications;
            this.apart = new TransactionTemplate(transactions);
            this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        /**
         * Whether the current transaction is the one the listener's {@code @Transactional} began: its name is the
         * listener method's qualified name, the listener's id that name with its parameter types.
         */
        static boolean inOwnTransaction(PublicationTargetIdentifier listener) {
            String name = TransactionSynchronizationManager.getCurrentTransactionName();
            return name != null && TransactionSynchronizationManager.isActualTransactionActive()
                    && TransactionSynchronizationManager.isSynchronizationActive()
                    && listener.getValue().startsWith(name + "(");
        }

        @Override
        public void markProcessing(Object event, PublicationTargetIdentifier listener) {
            if (!inOwnTransaction(listener)) {
                modulith.markProcessing(event, listener);
            }
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier listener) {
            if (!inOwnTransaction(listener)) {
                modulith.markCompleted(event, listener);
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new FailedUnlessCommitted(event, listener));
            joining.markCompleted(event, listener);
        }

        @Override
        public void markFailed(Object event, PublicationTargetIdentifier listener) {
            modulith.markFailed(event, listener);
        }

        /** Marks the publication failed when the transaction that completed it does not commit. */
        private final class FailedUnlessCommitted implements TransactionSynchronization {

            private final Object event;
            private final PublicationTargetIdentifier listener;

            FailedUnlessCommitted(Object event, PublicationTargetIdentifier listener) {
                this.event = event;
                this.listener = listener;
            }

            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    return;
                }
                log.info("Listener {} completed but its transaction did not commit: its publication is left failed.",
                        listener.getValue());
                apart.executeWithoutResult(tx -> publications.findIncompletePublicationsByEventAndTargetIdentifier(event, listener)
                        .ifPresent(publication -> publications.markFailed(publication.getIdentifier())));
            }
        }

        @Override
        public Collection<TargetEventPublication> store(Object event, Stream<PublicationTargetIdentifier> listeners) {
            return modulith.store(event, listeners);
        }

        @Override
        public Collection<TargetEventPublication> findIncompletePublications() {
            return modulith.findIncompletePublications();
        }

        @Override
        public Collection<TargetEventPublication> findIncompletePublicationsOlderThan(Duration duration) {
            return modulith.findIncompletePublicationsOlderThan(duration);
        }

        @Override
        public void deleteCompletedPublicationsOlderThan(Duration duration) {
            modulith.deleteCompletedPublicationsOlderThan(duration);
        }

        @Override
        public void processIncompletePublications(Predicate<EventPublication> filter,
                                                  Consumer<TargetEventPublication> consumer, @Nullable Duration duration) {
            modulith.processIncompletePublications(filter, consumer, duration);
        }

        @Override
        public void processFailedPublications(ResubmissionOptions options, Consumer<TargetEventPublication> consumer) {
            modulith.processFailedPublications(options, consumer);
        }

        @Override
        public void markStalePublicationsFailed(org.springframework.modulith.events.core.Staleness staleness) {
            modulith.markStalePublicationsFailed(staleness);
        }
    }
}
