package cn.childprotect.cms.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone else's change at a chosen moment of a command: armed with an event type, the next
 * such event published (on any thread) first runs the change in a transaction of its own, which
 * commits before the publishing command goes on. So a test can put a concurrent change between
 * a command's read of a case and the command it fires on that case next. Unarmed, it does
 * nothing; {@link #reset()} after each test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConcurrentChanges {

    private record Armed(Predicate<Object> when, Runnable change) {
    }

    private static final Map<Class<?>, Armed> ARMED = new ConcurrentHashMap<>();

    public static <T> void beforeNext(Class<T> eventType, Predicate<T> when, Runnable change) {
        ARMED.put(eventType, new Armed(event -> when.test(eventType.cast(event)), change));
    }

    public static void reset() {
        ARMED.clear();
    }

    @Bean
    Listener concurrentChangeListener(PlatformTransactionManager transactions) {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new Listener(separate);
    }

    /**
     * PriorityOrdered, so it runs before every {@code @EventListener} of the event (the timeline
     * projection's included): the publisher has then written nothing that locks the case row on
     * MariaDB (the timeline's foreign key takes a shared lock on it), and the change does not wait
     * for the very transaction it interrupts.
     */
    static final class Listener implements ApplicationListener<PayloadApplicationEvent<?>>, PriorityOrdered {

        private final TransactionTemplate separate;

        Listener(TransactionTemplate separate) {
            this.separate = separate;
        }

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> published) {
            Object event = published.getPayload();
            Armed armed = ARMED.get(event.getClass());
            if (armed != null && armed.when().test(event) && ARMED.remove(event.getClass(), armed)) {
                separate.executeWithoutResult(status -> armed.change().run());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
