package cn.childprotect.cms.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.childprotect.cms.cases.events.FirstContactRecorded;
import cn.childprotect.cms.cases.events.ResponsePrioritySet;
import cn.childprotect.cms.cases.events.ScreenOutRecorded;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.deadlines.DeadlineMet;
import cn.childprotect.cms.shared.deadlines.DeadlineKey;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening (受理研判, docs/domain.md §8): the response priority the system proposes for a case and
 * why, the priority a supervisor sets at ACCEPT (an override keeps the proposal and a reason on
 * record), the first face-to-face contact (首次见面核实) it makes due, which escalates when missed
 * (a {@link DeadlineSource} of kind {@value #FIRST_CONTACT}), and a screen-out's reason and referral.
 * {@link CaseFiles#transition} calls in before and after ACCEPT, SCREEN_OUT and the end states.
 */
@Service
@Transactional
public class CaseScreening implements DeadlineSource {

    /** The escalation kind of a missed first contact. */
    public static final String FIRST_CONTACT = "FIRST_CONTACT";
    public static final int OVERRIDE_REASON_MAX = 500;
    public static final int REFERRED_TO_MAX = 200;
    public static final int NOTE_MAX = 2000;

    private final ScreeningProperties properties;
    private final ScreeningDecisions decisions;
    private final Cases cases;
    /** Lazy: the module that provides it depends on the cases facades itself. */
    private final ChildRegistry children;
    private final WorkingCalendar calendar;
    private final BusinessTime time;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    CaseScreening(ScreeningProperties properties, ScreeningDecisions decisions, Cases cases,
            ChildRegistry children, WorkingCalendar calendar, BusinessTime time,
            ApplicationEventPublisher events, MessageSource messages) {
        this.properties = properties;
        this.decisions = decisions;
        this.cases = cases;
        this.children = children;
        this.calendar = calendar;
        this.time = time;
        this.events = events;
        this.messages = messages;
    }

    // --- queries ------------------------------------------------------------------------------------

    /** The codes a screen-out may give, with their names in the caller's language. */
    @Transactional(readOnly = true)
    public List<Choice> screenOutReasons() {
        return properties.screenOutReasons().stream().map(code -> new Choice(code, screenOutLabel(code))).toList();
    }

    /** The response priorities with their first-contact deadlines, for the accept dialog. */
    public List<Choice> priorities() {
        return java.util.Arrays.stream(ResponsePriority.values())
                .map(p -> new Choice(p.name(), p.label() + " (" + properties.priorities().get(p).text() + ")")).toList();
    }

    public record Choice(String code, String label) {
    }

    /** What the screening forms offer: the priorities and the screen-out reasons. */
    public record Choices(List<Choice> priorities, List<Choice> screenOutReasons) {
    }

    @Transactional(readOnly = true)
    public Choices choices() {
        return new Choices(priorities(), screenOutReasons());
    }

    /** The screening part of a case's detail, for someone who works the case (the caller checked). */
    @Transactional(readOnly = true)
    ScreeningView view(CaseFile file) {
        Optional<ScreeningDecision> stored = decisions.findById(file.id());
        Instant now = time.now();
        PriorityProposal proposal = stored.filter(d -> d.proposedPriority() != null)
                .map(d -> new PriorityProposal(d.proposedPriority(), PriorityProposal.decode(d.proposalBasis())))
                .orElseGet(() -> propose(file, now));
        ScreeningDecision d = stored.orElse(null);
        ResponsePriority chosen = d == null ? null : d.responsePriority();
        String screenOut = d == null ? null : d.screenOutReason();
        return new ScreeningView(proposal.priority(), proposal.priority().label(), explain(proposal),
                chosen, chosen == null ? null : chosen.label(), d == null ? null : d.overrideReason(),
                d == null ? null : d.acceptedBy(), d == null ? null : d.acceptedAt(),
                d == null ? null : d.firstContactDue(),
                d != null && d.contactPendingDue() != null && d.contactPendingDue().isBefore(now),
                d == null ? null : d.firstContactAt(), d == null ? null : d.firstContactBy(),
                d == null ? null : d.firstContactNote(), screenOut, screenOut == null ? null : screenOutLabel(screenOut),
                d == null ? null : d.referredTo());
    }

    /**
     * The proposal (docs/domain.md §8, ours): the most urgent priority any category proposes, or the
     * urgent flag; the default when none applies; a young child raises it.
     */
    PriorityProposal propose(CaseFile file, Instant now) {
        List<String> factors = new ArrayList<>();
        ResponsePriority best = null;
        for (String category : file.categories().stream().sorted().toList()) {
            ResponsePriority p = properties.categories().get(category);
            if (p != null) {
                factors.add("CATEGORY:" + category + ":" + p);
                best = p.mostUrgent(best);
            }
        }
        if (file.urgent()) {
            factors.add("URGENT:" + properties.urgent());
            best = properties.urgent().mostUrgent(best);
        }
        if (best == null) {
            best = properties.defaultPriority();
            factors.add("DEFAULT:" + best);
        }
        Optional<LocalDate> birth = children.find(file.childId()).map(ChildSummary::birthDate);
        if (birth.isPresent()) {
            int age = Period.between(birth.get(), time.dateOf(now)).getYears();
            ResponsePriority raised = best.raisedBy(properties.youngChildRaise());
            if (age >= 0 && age < properties.youngChildAge() && raised != best) {
                factors.add("YOUNG_CHILD:" + age + ":" + properties.youngChildAge() + ":" + raised);
                best = raised;
            }
        }
        return new PriorityProposal(best, factors);
    }

    /** The factors as sentences in the caller's language. */
    List<String> explain(PriorityProposal proposal) {
        Locale locale = LocaleContextHolder.getLocale();
        return proposal.factors().stream().map(factor -> {
            String[] part = factor.split(":");
            Object[] args = switch (part[0]) {
                case "CATEGORY" -> new Object[] { part[1], label(part[2], locale) };
                case "URGENT", "DEFAULT" -> new Object[] { label(part[1], locale) };
                case "YOUNG_CHILD" -> new Object[] { part[1], part[2], label(part[3], locale) };
                default -> new Object[0];
            };
            return messages.getMessage("screening.basis." + part[0], args, factor, locale);
        }).toList();
    }

    private static String label(String priority, Locale locale) {
        return Labels.of(ResponsePriority.valueOf(priority), locale);
    }

    private String screenOutLabel(String code) {
        return messages.getMessage("screening.screen-out-reason." + code, null, code, LocaleContextHolder.getLocale());
    }

    // --- hooks of the ACCEPT and SCREEN_OUT transitions (CaseFiles) -----------------------------------

    /** Checks the screening fields of a command before anything changes; refuses with field errors. */
    void check(CaseFile file, TransitionCommand command) {
        if (command.event() == CaseEvent.ACCEPT) {
            ResponsePriority proposed = propose(file, time.now()).priority();
            String reason = trimmed(command.overrideReason());
            if (command.responsePriority() != null && command.responsePriority() != proposed && reason == null) {
                throw Refusal.invalidField("overrideReason", "screening.override-reason.required",
                        proposed.label());
            }
            if (reason != null && reason.length() > OVERRIDE_REASON_MAX) {
                throw Refusal.invalidField("overrideReason", "screening.text.too-long", OVERRIDE_REASON_MAX);
            }
        }
        if (command.event() == CaseEvent.SCREEN_OUT) {
            String code = trimmed(command.screenOutReason());
            if (code != null && !properties.screenOutReasons().contains(code)) {
                throw Refusal.invalidField("screenOutReason", "screening.screen-out-reason.unknown", code);
            }
            String referred = trimmed(command.referredTo());
            if (referred != null && referred.length() > REFERRED_TO_MAX) {
                throw Refusal.invalidField("referredTo", "screening.text.too-long", REFERRED_TO_MAX);
            }
        }
    }

    /** Records what a transition decided about screening, in its transaction (after the case row is written). */
    void afterTransition(CaseFile file, CaseEvent event, CaseStatus to, TransitionCommand command, String actor,
            Instant now) {
        if (event == CaseEvent.ACCEPT) {
            PriorityProposal proposal = propose(file, now);
            ResponsePriority chosen = command.responsePriority() == null ? proposal.priority()
                    : command.responsePriority();
            String reason = chosen == proposal.priority() ? null : trimmed(command.overrideReason());
            ScreeningDecision decision = decisionOf(file);
            decision.accept(proposal, chosen, reason, actor, now, firstContactDue(chosen, now));
            decisions.save(decision);
            events.publishEvent(new ResponsePrioritySet(file.id(), file.villageCode(), chosen, proposal.priority(),
                    reason, actor));
            events.publishEvent(AuditEvent.success(actor, "CASE_SCREENED", "CASE", file.id())
                    .withDetail("priority " + chosen + (reason == null ? "" : " (proposed " + proposal.priority() + ")")));
            return;
        }
        if (event == CaseEvent.SCREEN_OUT) {
            String code = Optional.ofNullable(trimmed(command.screenOutReason())).orElse(ScreeningProperties.OTHER);
            ScreeningDecision decision = decisionOf(file);
            decision.screenOut(code, trimmed(command.referredTo()));
            decisions.save(decision);
            events.publishEvent(new ScreenOutRecorded(file.id(), file.villageCode(), code, trimmed(command.referredTo()),
                    actor));
        }
        if (event == CaseEvent.REOPEN) {
            decisions.findById(file.id()).ifPresent(d -> {
                if (d.responsePriority() != null) {
                    d.oweContactAgain(firstContactDue(d.responsePriority(), now));
                }
            });
        }
        if (!to.isOpen()) {
            decisions.findById(file.id()).filter(ScreeningDecision::dropPendingContact)
                    .ifPresent(d -> events.publishEvent(new DeadlineMet(FIRST_CONTACT, file.id(),
                            "deadline.first-contact.case-ended")));
        }
    }

    private ScreeningDecision decisionOf(CaseFile file) {
        return decisions.findById(file.id()).orElseGet(() -> new ScreeningDecision(file.id(), file.villageCode()));
    }

    private Instant firstContactDue(ResponsePriority priority, Instant from) {
        return properties.priorities().get(priority).addTo(from, calendar);
    }

    // --- the first contact --------------------------------------------------------------------------

    /**
     * Records the first face-to-face contact with the child (首次见面核实) on an accepted, open case,
     * by someone who works it (404 otherwise). Once only: a second one is a 409. Settles the
     * first-contact deadline and any escalation of it.
     */
    public ScreeningView recordFirstContact(long caseId, Instant contactedAt, String note, CurrentUser user) {
        CaseFile file = cases.findById(caseId).filter(c -> CasePermissions.works(user, c))
                .orElseThrow(() -> Refusal.notFound("cases.not-found-in-scope"));
        Instant now = time.now();
        Instant at = contactedAt == null ? now : contactedAt;
        String text = trimmed(note);
        if (text != null && text.length() > NOTE_MAX) {
            throw Refusal.invalidField("note", "screening.text.too-long", NOTE_MAX);
        }
        if (at.isAfter(now)) {
            throw Refusal.invalidField("contactedAt", "screening.first-contact.in-future");
        }
        if (at.isBefore(file.openedAt())) {
            throw Refusal.invalidField("contactedAt", "screening.first-contact.before-opened");
        }
        if (!file.status().isOpen()) {
            throw Refusal.invalidState("case-not-open", "screening.first-contact.case-not-open");
        }
        ScreeningDecision decision = decisions.findById(caseId).filter(d -> d.responsePriority() != null)
                .orElseThrow(() -> Refusal.invalidState("not-accepted", "screening.first-contact.not-accepted"));
        if (decision.firstContactAt() != null) {
            throw Refusal.invalidState("first-contact-recorded", "screening.first-contact.already");
        }
        boolean late = decision.firstContactDue() != null && at.isAfter(decision.firstContactDue());
        decision.recordFirstContact(at, user.username(), text);
        decisions.saveAndFlush(decision);
        events.publishEvent(new FirstContactRecorded(caseId, file.villageCode(), at, late, text, user.username()));
        events.publishEvent(new DeadlineMet(FIRST_CONTACT, caseId, "deadline.first-contact.met"));
        events.publishEvent(AuditEvent.success(user.username(), "FIRST_CONTACT_RECORDED", "CASE", caseId));
        return view(file);
    }

    // --- the escalation sweep -------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdue(Instant now, int limit) {
        return overdueAfter(now, DeadlineKey.START, limit);
    }

    /** Keyset read after (due, case id), so a backlog larger than the sweep's cap is read to its end. */
    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdueAfter(Instant now, DeadlineKey after, int limit) {
        return decisions.findContactsOverdueAfter(now, after.deadline(), after.sourceId(), Pageable.ofSize(limit))
                .stream().map(d -> new MissedDeadline(FIRST_CONTACT, d.caseId(), d.contactPendingDue(), d.caseId(),
                        d.villageCode()))
                .toList();
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
