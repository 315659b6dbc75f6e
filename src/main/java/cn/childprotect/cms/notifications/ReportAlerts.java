package cn.childprotect.cms.notifications;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A mandatory-report (MR01–MR09), GD05 or urgent report mails the supervisors of the child's
 * township and of the county at once. Case number, receipt number, village and a link only.
 */
@Component
class ReportAlerts {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MailDelivery mail;
    private final UserDirectory users;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;
    private final String baseUrl;

    ReportAlerts(MailDelivery mail, UserDirectory users, CaseFiles caseFiles, Jurisdictions jurisdictions,
            MessageSource messages, NotificationProperties settings) {
        this.mail = mail;
        this.users = users;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.messages = messages;
        this.baseUrl = settings.baseUrl();
    }

    /**
     * Reports filed by this instance whose alert has not run yet. A report id is never used twice
     * (ids come from blocks, a rolled-back block is dropped), so while its id is here no mail with
     * the report's key can have been sent: the first delivery takes the id out and sends without
     * reading the mail log; a resubmission (after a failure, or by another instance after a crash)
     * finds no id and reads the log. Plain memory: lost at a restart, which only means a read.
     */
    private final Set<Long> filedHere = ConcurrentHashMap.newKeySet();

    /** In the filing's transaction, before the outbox hands the event to {@link #on} after commit (not on resubmission). */
    @EventListener
    void filed(ReportReceived event) {
        if (event.alert()) {
            if (filedHere.size() >= 10_000) {
                filedHere.clear(); // only rolled-back filings stay behind; forgetting them costs reads
            }
            filedHere.add(event.reportId());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReportReceived event) {
        boolean firstAttempt = filedHere.remove(event.reportId());
        if (!event.alert()) {
            return;
        }
        String caseNumber = event.caseId() == null ? "-"
                : event.caseNumber() != null ? event.caseNumber()
                : caseFiles.find(event.caseId()).map(CaseRef::caseNumber).orElse("-");
        String village = jurisdictions.nameOf(event.villageCode());
        String link = event.caseId() == null ? baseUrl : baseUrl + "/cases/" + event.caseId();
        String subject = messages.getMessage("mail.report-alert.subject", new Object[] { event.receiptNumber(), caseNumber },
                CHINESE);
        for (UserSummary supervisor : users.supervisorsCovering(event.villageCode())) {
            String body = messages.getMessage("mail.report-alert.body",
                    new Object[] { supervisor.displayName(), event.receiptNumber(), caseNumber, village, link }, CHINESE);
            mail.send("report-alert:" + event.reportId(), supervisor.email(), subject, body, firstAttempt);
        }
    }
}
