package cn.childprotect.cms.notifications;

import java.time.Duration;
import java.time.Instant;

import cn.childprotect.cms.shared.BusinessTime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed outbox publications with exponential backoff (base × 2^attempts, capped),
 * under a database lock so that one instance does it at a time. Publications stuck in
 * processing (an instance died) are marked failed by Modulith's staleness monitor and come
 * back through here.
 */
@Component
public class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final IncompleteEventPublications incomplete;
    private final BusinessTime time;
    private final Duration base;
    private final Duration max;

    OutboxRetry(IncompleteEventPublications incomplete, BusinessTime time, OutboxProperties outbox) {
        this.incomplete = incomplete;
        this.time = time;
        this.base = outbox.retryBase();
        this.max = outbox.retryMax();
    }

    @Scheduled(fixedDelayString = "${cms.outbox.retry-interval:30s}", initialDelayString = "${cms.outbox.retry-interval:30s}")
    @SchedulerLock(name = "outbox-retry", lockAtMostFor = "2m")
    public void resubmitDue() {
        Instant now = time.now();
        incomplete.resubmitIncompletePublications(publication -> isDue(publication, now));
    }

    boolean isDue(EventPublication publication, Instant now) {
        if (publication.getStatus() != EventPublication.Status.FAILED) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        int attempts = Math.max(0, Math.min(publication.getCompletionAttempts(), 20));
        Duration wait = base.multipliedBy(1L << Math.min(attempts, 16));
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        boolean due = !last.plus(wait).isAfter(now);
        if (due) {
            log.info("Resubmitting outbox publication {} ({}), attempt {}", publication.getIdentifier(),
                    publication.getEvent().getClass().getSimpleName(), attempts + 1);
        }
        return due;
    }
}
