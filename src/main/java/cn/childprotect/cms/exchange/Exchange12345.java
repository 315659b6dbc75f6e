package cn.childprotect.cms.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.exchange.events.TicketFeedbackDue;
import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.intake.ReportReceipt;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 12345 exchange's facade: a forwarded ticket is filed as a report (channel
 * REFERRAL_12345) exactly once per ticket number, and its statuses are queued for the platform
 * in the same transaction (the outbox).
 */
@Service
public class Exchange12345 {

    /** The status feedback the platform gets: 受理 when filed, 办结 when the case is closed. */
    public static final String ACCEPTED = "ACCEPTED";
    public static final String COMPLETED = "COMPLETED";

    private static final Locale PLATFORM_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final IntakeDesk intake;
    private final IntakeQueries reports;
    private final Tickets tickets;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final MessageSource messages;

    Exchange12345(IntakeDesk intake, IntakeQueries reports, Tickets tickets, TransactionTemplate tx, ApplicationEventPublisher events,
            BusinessTime time, MessageSource messages) {
        this.intake = intake;
        this.reports = reports;
        this.tickets = tickets;
        this.tx = tx;
        this.events = events;
        this.time = time;
        this.messages = messages;
    }

    /** A ticket as the platform forwards it; {@code caller} is confidential (stored like a reporter's contact). */
    public record TicketSubmission(String ticketNumber, Instant receivedAt, Caller caller, String content,
            List<String> classification, String villageCode, String urgency, TicketChild child) {
    }

    public record Caller(String name, String phone) {
    }

    /** What the ticket says about the child, if anything. */
    public record TicketChild(String name, Sex sex, Integer estimatedAge, String description) {
    }

    /** Our receipt for a ticket; {@code replayed} when the ticket number came before. */
    public record TicketReceipt(String ticketNumber, String receiptNumber, Instant filedAt, boolean replayed) {
    }

    public TicketReceipt receive(TicketSubmission ticket, CurrentUser user) {
        if (!user.is(Role.EXCHANGE_12345)) {
            throw Refusal.notAllowed(text("cms.exchange.account-only"));
        }
        Optional<TicketReceipt> earlier = replay(ticket.ticketNumber());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return tx.execute(status -> {
                ReportReceipt receipt = intake.submit(submissionOf(ticket), null, user);
                Instant now = time.now();
                // the receipt does not name the case to a machine; the exchange follows it internally
                Long caseId = reports.caseOfFiledReport(receipt.reportId()).orElse(null);
                tickets.save(new Ticket(ticket.ticketNumber(), receipt.reportId(), receipt.receiptNumber(),
                        caseId, ticket.receivedAt() == null ? now : ticket.receivedAt(), now));
                events.publishEvent(AuditEvent.success(user.username(), "EXCHANGE_TICKET_RECEIVED", "REPORT",
                        receipt.reportId()).withDetail("ticket " + ticket.ticketNumber()));
                events.publishEvent(new TicketFeedbackDue(UUID.randomUUID().toString(), ticket.ticketNumber(),
                        ACCEPTED, receipt.receiptNumber(), null, now));
                return new TicketReceipt(ticket.ticketNumber(), receipt.receiptNumber(), now, false);
            });
        }
        catch (DataIntegrityViolationException sameTicketAtOnce) {
            return replay(ticket.ticketNumber()).orElseThrow(() -> sameTicketAtOnce);
        }
    }

    /** 办结: a case filed from tickets is closed; each of its tickets gets the feedback, in the closing transaction. */
    @EventListener
    void on(CaseStatusChanged event) {
        if (event.to() != CaseStatus.CLOSED) {
            return;
        }
        for (Ticket ticket : tickets.findByCaseId(event.caseId())) {
            events.publishEvent(new TicketFeedbackDue(UUID.randomUUID().toString(), ticket.ticketNumber(), COMPLETED,
                    ticket.receiptNumber(), messages.getMessage("cms.exchange.reply.closed", null, PLATFORM_LOCALE),
                    time.now()));
        }
    }

    private Optional<TicketReceipt> replay(String ticketNumber) {
        return tx.execute(status -> tickets.findById(ticketNumber)
                .map(t -> new TicketReceipt(t.ticketNumber(), t.receiptNumber(), t.filedAt(), true)));
    }

    private ReportSubmission submissionOf(TicketSubmission t) {
        TicketChild c = t.child();
        boolean named = c != null && c.name() != null && !c.name().isBlank();
        ChildData child = new ChildData(named ? c.name() : null, c == null ? null : c.sex(), null,
                c == null ? null : c.estimatedAge(), null, !named,
                c != null && c.description() != null && !c.description().isBlank() ? c.description()
                        : messages.getMessage("cms.exchange.child-as-in-ticket", new Object[] { t.ticketNumber() },
                                PLATFORM_LOCALE),
                t.villageCode(), null, null, List.of());
        Caller caller = t.caller();
        boolean anonymous = caller == null || caller.name() == null || caller.name().isBlank();
        ReportSubmission.Reporter reporter = new ReportSubmission.Reporter(anonymous, anonymous ? null : caller.name(),
                caller == null ? null : caller.phone(), null, null);
        return new ReportSubmission(Channel.REFERRAL_12345, t.classification(), "URGENT".equalsIgnoreCase(t.urgency()),
                t.receivedAt(), t.villageCode(),
                messages.getMessage("cms.exchange.narrative", new Object[] { t.ticketNumber(), t.content() },
                        PLATFORM_LOCALE),
                child, reporter, null, false);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
