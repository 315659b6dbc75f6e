package cn.childprotect.cms.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.childprotect.cms.shared.BusinessTime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes again the outbox events whose delivery was started but never finished: their
 * instance died ({@code kill -9}, power loss) or lost the database between the commit and the
 * listener's end, so the publication stays PUBLISHED, PROCESSING or RESUBMITTED for ever.
 *
 * <p>Modulith's own means do not fit several instances: republishing on restart
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}) would redo the
 * in-flight events of the live instances, and its staleness monitor runs on every instance,
 * measures a resubmitted publication from its first publication and may flip one that has
 * just completed. So this job, under the same ShedLock lock as {@link OutboxRetry} (one instance
 * at a time, never both jobs at once), applies its own staleness thresholds: an event counts
 * as abandoned when it has been waiting, or its listener has been running, longer than any
 * listener runs on a live instance. It is marked failed by a conditional update (a publication
 * completed meanwhile is left alone, so a completed one is never redone) and resubmitted at
 * once through {@link IncompleteEventPublications}. The job runs shortly after start-up (the
 * restart case) and then periodically. The listeners stay idempotent: {@link MailDelivery}
 * sends a mail at most once per message and recipient.
 */
@Component
public class OutboxRecovery {

    private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);

    private static final String ABANDONED = """
            completion_date is null and (
              (status = 'PUBLISHED' and publication_date < ?)
              or (status in ('PROCESSING', 'RESUBMITTED') and coalesce(last_resubmission_date, publication_date) < ?))""";

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final BusinessTime time;
    private final Duration publishedStaleAfter;
    private final Duration processingStaleAfter;

    OutboxRecovery(IncompleteEventPublications incomplete, JdbcTemplate jdbc, BusinessTime time,
            OutboxProperties outbox) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.time = time;
        this.publishedStaleAfter = outbox.abandonedAfter().published();
        this.processingStaleAfter = outbox.abandonedAfter().processing();
    }

    @Scheduled(initialDelayString = "${cms.outbox.recovery-initial-delay:20s}",
            fixedDelayString = "${cms.outbox.recovery-interval:30s}")
    @SchedulerLock(name = "outbox-retry", lockAtMostFor = "2m")
    public void recoverAbandoned() {
        Instant now = time.now();
        Timestamp publishedBefore = Timestamp.from(now.minus(publishedStaleAfter));
        Timestamp startedBefore = Timestamp.from(now.minus(processingStaleAfter));
        List<String> candidates = jdbc.queryForList("select id from EVENT_PUBLICATION where " + ABANDONED, String.class,
                publishedBefore, startedBefore);
        Set<UUID> claimed = new HashSet<>();
        for (String id : candidates) {
            // conditional: a publication that completed (or was taken over) since the query stays as it is
            if (jdbc.update("update EVENT_PUBLICATION set status = 'FAILED' where id = ? and " + ABANDONED, id,
                    publishedBefore, startedBefore) == 1) {
                claimed.add(UUID.fromString(id));
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        log.warn("Republishing {} outbox publication(s) abandoned by a stopped instance or a database outage: {}",
                claimed.size(), claimed);
        incomplete.resubmitIncompletePublications(publication -> claimed.contains(publication.getIdentifier())
                && publication.getStatus() == EventPublication.Status.FAILED);
    }
}
