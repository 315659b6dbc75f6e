package cn.childprotect.cms.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import org.springframework.context.MessageSource;
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

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReportReceived event) {
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
        List<MailDelivery.Letter> letters = new ArrayList<>();
        for (UserSummary supervisor : users.supervisorsCovering(event.villageCode())) {
            letters.add(new MailDelivery.Letter(supervisor.email(), subject, messages.getMessage("mail.report-alert.body",
                    new Object[] { supervisor.displayName(), event.receiptNumber(), caseNumber, village, link }, CHINESE)));
        }
        mail.send("report-alert:" + event.reportId(), letters);
    }
}
