package cn.childprotect.cms.notifications;

import java.util.Locale;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.agencies.AgencySummary;
import cn.childprotect.cms.referrals.WorkOrderAction;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.referrals.events.WorkOrderStepTaken;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Work-order mails: a dispatch (and a re-dispatch) to the agency's address, a 督办 again to the
 * agency with the note, a return or an answer to the dispatcher. Case number, order number and
 * a link only.
 */
@Component
class WorkOrderMails {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MailDelivery mail;
    private final WorkOrderDesk workOrders;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final MessageSource messages;
    private final String baseUrl;

    WorkOrderMails(MailDelivery mail, WorkOrderDesk workOrders, AgencyDirectory agencies, UserDirectory users,
            MessageSource messages, @Value("${cms.base-url}") String baseUrl) {
        this.mail = mail;
        this.workOrders = workOrders;
        this.agencies = agencies;
        this.users = users;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(WorkOrderStepTaken event) {
        var routing = workOrders.routing(event.workOrderId()).orElse(null);
        if (routing == null) {
            return;
        }
        String link = baseUrl + "/work-orders/" + event.workOrderId();
        String key = "work-order-step:" + event.stepId();
        switch (event.action()) {
            case DISPATCH, REDISPATCH -> toAgency(event, routing.caseNumber(), link, key, "mail.work-order.dispatched", null);
            case URGE -> toAgency(event, routing.caseNumber(), link, key, "mail.work-order.urged",
                    workOrders.latestNote(event.workOrderId(), WorkOrderAction.URGE).orElse(""));
            case RETURN, RESPOND -> users.find(routing.dispatchedBy()).map(UserSummary::email).ifPresent(to -> mail.send(
                    key, to, subject(event.action() == WorkOrderAction.RETURN ? "mail.work-order.returned" : "mail.work-order.responded",
                            event.workOrderId(), routing.caseNumber()),
                    body(event.action() == WorkOrderAction.RETURN ? "mail.work-order.returned" : "mail.work-order.responded",
                            event.workOrderId(), routing.caseNumber(), link, agencyName(event.agencyCode()))));
            default -> {
            }
        }
    }

    private void toAgency(WorkOrderStepTaken event, String caseNumber, String link, String key, String template,
            String note) {
        agencies.findByCode(event.agencyCode()).map(AgencySummary::notificationEmail).ifPresent(to -> mail.send(key, to,
                subject(template, event.workOrderId(), caseNumber),
                body(template, event.workOrderId(), caseNumber, link, note == null ? "" : note)));
    }

    private String agencyName(String code) {
        return agencies.findByCode(code).map(AgencySummary::name).orElse(code);
    }

    private String subject(String template, long orderId, String caseNumber) {
        return messages.getMessage(template + ".subject", new Object[] { String.valueOf(orderId), caseNumber }, CHINESE);
    }

    private String body(String template, long orderId, String caseNumber, String link, String extra) {
        return messages.getMessage(template + ".body", new Object[] { String.valueOf(orderId), caseNumber, link, extra },
                CHINESE);
    }
}
