package cn.childprotect.cms.users;

import java.util.Map;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.users.events.UserAccessChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the browser sessions of an account whose access was disabled, locked or changed: the
 * principal kept in a session (role, jurisdiction) would otherwise go on working with the old
 * access. Sessions live in the database (Spring Session JDBC), indexed by principal name, so
 * this reaches the sessions of every instance. Runs after the change commits; a failure leaves
 * the publication in the event registry, to be retried.
 */
@Component
class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.sessions = sessions;
        // after commit the finished transaction is still bound: the audit row needs a new one
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    @TransactionalEventListener
    void on(UserAccessChanged changed) {
        int ended = endSessionsOf(changed.username());
        if (ended > 0) {
            tx.executeWithoutResult(status -> events.publishEvent(AuditEvent.success(changed.actor(), "SESSIONS_ENDED",
                    "USER", changed.username()).withDetail(ended + " session(s); " + changed.changes())));
        }
    }

    /** Deletes every session of the account; returns how many there were. */
    int endSessionsOf(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            log.warn("No indexed session repository: sessions of {} cannot be ended", username);
            return 0;
        }
        Map<String, ? extends Session> found = repository.findByPrincipalName(username);
        found.keySet().forEach(repository::deleteById);
        return found.size();
    }
}
