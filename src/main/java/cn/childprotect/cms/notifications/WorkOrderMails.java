package cn.childprotect.cms.notifications;

import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.agencies.AgencySummary;
import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.referrals.events.WorkOrderDispatched;
import cn.childprotect.cms.referrals.events.WorkOrderEvent;
import cn.childprotect.cms.referrals.events.WorkOrderExtensionApproved;
import cn.childprotect.cms.referrals.events.WorkOrderExtensionRefused;
import cn.childprotect.cms.referrals.events.WorkOrderExtensionRequested;
import cn.childprotect.cms.referrals.events.WorkOrderRedone;
import cn.childprotect.cms.referrals.events.WorkOrderRedispatched;
import cn.childprotect.cms.referrals.events.WorkOrderResponded;
import cn.childprotect.cms.referrals.events.WorkOrderReturned;
import cn.childprotect.cms.referrals.events.WorkOrderUrged;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Work-order mails: a dispatch (and a re-dispatch) to the agency's address, a 督办 again to the
 * agency with the note, a return or an answer to the dispatcher; an extension request to the
 * township's supervisors, its approval or refusal and a redo (重办, after an unsatisfied
 * callback) to the agency. Case number, order number and a link only.
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
            MessageSource messages, NotificationProperties settings) {
        this.mail = mail;
        this.workOrders = workOrders;
        this.agencies = agencies;
        this.users = users;
        this.messages = messages;
        this.baseUrl = settings.baseUrl();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderDispatched event) {
        toAgency(event, "mail.work-order.dispatched", "");
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderRedispatched event) {
        toAgency(event, "mail.work-order.dispatched", "");
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderUrged event) {
        toAgency(event, "mail.work-order.urged",
                workOrders.noteOfStep(event.stepId()).orElse(""));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderReturned event) {
        toDispatcher(event, "mail.work-order.returned");
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderResponded event) {
        toDispatcher(event, "mail.work-order.responded");
    }

    /** 延期申请: to the township's supervisors, who decide it (the county's if the township has none). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderExtensionRequested event) {
        String template = "mail.work-order.extension-requested";
        workOrders.routing(event.workOrderId()).ifPresent(routing -> {
            List<UserSummary> supervisors = users.supervisorsAt(JurisdictionCodes.townshipOf(routing.villageCode()));
            if (supervisors.isEmpty()) {
                supervisors = users.supervisorsAt(JurisdictionCodes.countyOf(routing.villageCode()));
            }
            // one message to all its recipients (MailDelivery skips those without an address or already served)
            String subject = subject(template, event.workOrderId(), routing.caseNumber());
            String body = body(template, event.workOrderId(), routing.caseNumber(), link(event), agencyName(event.agencyCode()));
            mail.send(key(event), supervisors.stream().map(s -> new MailDelivery.Letter(s.email(), subject, body)).toList());
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderExtensionApproved event) {
        toAgency(event, "mail.work-order.extension-approved", "");
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderExtensionRefused event) {
        toAgency(event, "mail.work-order.extension-refused", "");
    }

    /** 重办 after an unsatisfied callback; the callback's comment stays in the system (it may name people). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkOrderRedone event) {
        toAgency(event, "mail.work-order.redone", "");
    }

    private void toDispatcher(WorkOrderEvent event, String template) {
        workOrders.routing(event.workOrderId()).ifPresent(routing -> users.find(routing.dispatchedBy())
                .map(UserSummary::email)
                .ifPresent(to -> mail.send(key(event), to, subject(template, event.workOrderId(), routing.caseNumber()),
                        body(template, event.workOrderId(), routing.caseNumber(), link(event),
                                agencyName(event.agencyCode())))));
    }

    private void toAgency(WorkOrderEvent event, String template, String note) {
        workOrders.routing(event.workOrderId()).ifPresent(routing -> agencies.findByCode(event.agencyCode())
                .map(AgencySummary::notificationEmail)
                .ifPresent(to -> mail.send(key(event), to, subject(template, event.workOrderId(), routing.caseNumber()),
                        body(template, event.workOrderId(), routing.caseNumber(), link(event), note))));
    }

    /** One mail per step of the order's history, however often the publication is resubmitted. */
    private static String key(WorkOrderEvent event) {
        return "work-order-step:" + event.stepId();
    }

    private String link(WorkOrderEvent event) {
        return baseUrl + "/work-orders/" + event.workOrderId();
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
