package cn.childprotect.cms.notifications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.childprotect.cms.escalations.EscalationDesk;
import cn.childprotect.cms.escalations.EscalationLevel;
import cn.childprotect.cms.escalations.EscalationView;
import cn.childprotect.cms.escalations.events.EscalationRaised;
import cn.childprotect.cms.escalations.events.EscalationsRaised;
import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new escalation mails the supervisors of its level (the township's or the county's); every
 * morning each supervisor with open items gets a digest. Both through the outbox; kinds, counts,
 * case numbers and links only.
 */
@Component
class EscalationMails {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Published for each supervisor by the daily job, so each digest is sent (and retried) on its own. */
    record DigestDue(String username, LocalDate date) {
    }

    private final MailDelivery mail;
    private final EscalationDesk escalations;
    private final UserDirectory users;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final String baseUrl;

    EscalationMails(MailDelivery mail, EscalationDesk escalations, UserDirectory users, MessageSource messages,
            ApplicationEventPublisher events, BusinessTime time, NotificationProperties settings) {
        this.mail = mail;
        this.escalations = escalations;
        this.users = users;
        this.messages = messages;
        this.events = events;
        this.time = time;
        this.baseUrl = settings.baseUrl();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EscalationRaised event) {
        escalations.describe(event.escalationId()).ifPresent(item -> mailItem(item, new HashMap<>()));
    }

    /**
     * A chunk of the deadline sweep (hundreds of items): one listener mails them one after the
     * other, so a chunk takes one pool connection at a time instead of one thread and connection
     * per item. Like the others, outside a transaction: each mail is logged as it is sent, so a
     * retry after a failed send skips those already sent. The items are described in two reads
     * and each division's supervisors read once per chunk, not per item.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EscalationsRaised event) {
        Map<String, List<UserSummary>> supervisorsByDivision = new HashMap<>();
        escalations.describeAll(event.escalationIds()).forEach(item -> mailItem(item, supervisorsByDivision));
    }

    private void mailItem(EscalationView item, Map<String, List<UserSummary>> supervisorsByDivision) {
        String division = item.level() == EscalationLevel.COUNTY ? JurisdictionCodes.countyOf(item.villageCode())
                : JurisdictionCodes.townshipOf(item.villageCode());
        String caseNumber = item.caseNumber() == null ? "-" : item.caseNumber();
        String link = item.caseId() == null ? baseUrl + "/escalations" : baseUrl + "/cases/" + item.caseId();
        String subject = messages.getMessage("mail.escalation.subject",
                new Object[] { item.kindLabel(), caseNumber, item.level().label() }, CHINESE);
        List<MailDelivery.Letter> letters = new ArrayList<>();
        for (UserSummary supervisor : supervisorsByDivision.computeIfAbsent(division, users::supervisorsAt)) {
            letters.add(new MailDelivery.Letter(supervisor.email(), subject, messages.getMessage("mail.escalation.body",
                    new Object[] { supervisor.displayName(), item.kindLabel(), caseNumber, item.villageName(), link },
                    CHINESE)));
        }
        mail.send("escalation:" + item.id(), letters);
    }

    @Scheduled(cron = "${cms.escalations.digest-cron:0 0 8 * * *}", zone = "${cms.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "escalation-digest", lockAtMostFor = "30m")
    @Transactional
    public void publishDailyDigests() {
        LocalDate today = time.today();
        for (UserSummary supervisor : users.withRole(Role.SUPERVISOR)) {
            events.publishEvent(new DigestDue(supervisor.username(), today));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DigestDue event) {
        CurrentUser supervisor = users.findCurrentUser(event.username()).orElse(null);
        UserSummary account = users.find(event.username()).orElse(null);
        if (supervisor == null || account == null || account.email() == null) {
            return;
        }
        Map<String, Object> summary = escalations.summary(supervisor);
        long total = (Long) summary.get("openTotal");
        if (total == 0) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> kinds = (List<Map<String, Object>>) summary.get("byKind");
        for (Map<String, Object> kind : kinds) {
            lines.append("  ").append(messages.getMessage("mail.digest.line",
                    new Object[] { kind.get("label"), kind.get("township"), kind.get("county") }, CHINESE)).append('\n');
        }
        mail.send("digest:" + event.date() + ":" + event.username(), account.email(),
                messages.getMessage("mail.digest.subject", new Object[] { event.date().toString(), total }, CHINESE),
                messages.getMessage("mail.digest.body",
                        new Object[] { account.displayName(), total, lines.toString(), baseUrl + "/escalations" }, CHINESE));
    }
}
