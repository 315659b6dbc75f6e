package cn.childprotect.cms.monitoring;

import cn.childprotect.cms.shared.BusinessTime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's daily review (docs/domain.md §6.2): flags entries whose child reaches a
 * category's age limit (留守 16) or 18 for an exit review, and entries whose tier is due for its
 * 6-monthly review. One instance at a time (ShedLock); each flag is set once, since the stored
 * date it was read by moves on.
 */
@Component
class RegisterReviews {

    private static final Logger log = LoggerFactory.getLogger(RegisterReviews.class);

    private final Register register;
    private final TransactionTemplate tx;
    private final BusinessTime time;

    RegisterReviews(Register register, TransactionTemplate tx, BusinessTime time) {
        this.register = register;
        this.tx = tx;
        this.time = time;
    }

    @Scheduled(cron = "${cms.register.review-cron:0 30 1 * * *}", zone = "${cms.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "register-reviews", lockAtMostFor = "30m")
    public void daily() {
        int total = 0;
        int flagged;
        do {
            flagged = tx.execute(s -> register.flagDueReviews(time.today(), 500));
            total += flagged;
        }
        while (flagged > 0 && total < 1_000_000);
        if (total > 0) {
            log.info("Register reviews: {} entries flagged", total);
        }
    }
}
