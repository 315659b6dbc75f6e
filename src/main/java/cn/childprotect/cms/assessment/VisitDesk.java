package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.assessment.SupportViews.Visit;
import cn.childprotect.cms.assessment.events.FollowUpVisitRecorded;
import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.NextFollowUp;
import cn.childprotect.cms.cases.SystemText;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up visits (随访, docs/domain.md, follow-up visits): recording one moves the case's next
 * visit due date, and a child found in danger may put the case into emergency in the same step.
 */
@Service
@Transactional
public class VisitDesk {

    private final FollowUpVisits visits;
    private final WorkedCases worked;
    private final CaseFiles caseFiles;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final Validator validator;

    VisitDesk(FollowUpVisits visits, WorkedCases worked, CaseFiles caseFiles, ApplicationEventPublisher events,
            BusinessTime time, Validator validator) {
        this.visits = visits;
        this.worked = worked;
        this.caseFiles = caseFiles;
        this.events = events;
        this.time = time;
        this.validator = validator;
    }

    /**
     * A follow-up visit as recorded. The checks on single fields are Bean Validation constraints
     * whose message is a message key (messages.properties, {@code assessment.visit.*}); the rules
     * that need the clock or two fields stay in {@link #recordVisit}.
     */
    public record VisitInput(@NotNull(message = "assessment.visit.visited-on") LocalDate visitedOn,
            @NotNull(message = "assessment.visit.type") @Pattern(regexp = "HOME_VISIT|PHONE|SCHOOL|OTHER",
                    message = "assessment.visit.type") String type,
            String personsSeen,
            @NotBlank(message = "assessment.visit.observations") @Size(max = 4000,
                    message = "assessment.visit.observations") String observations,
            @NotNull(message = "assessment.visit.safety") @Pattern(regexp = "SAFE|CONCERNS|IN_DANGER",
                    message = "assessment.visit.safety") String safety,
            String nextSteps, boolean declareEmergency) {
    }

    /** The order in which a visit's field errors are told, as the form shows its fields. */
    private static final List<String> VISIT_FIELDS = List.of("type", "safety", "visitedOn", "observations",
            "declareEmergency");

    public Visit recordVisit(long caseId, VisitInput input, CurrentUser user) {
        CaseRef ref = worked.workedCase(caseId, user);
        if (!ref.status().isOpen()) {
            throw Refusal.invalidState("case-not-open", "assessment.visit.case-not-open", Labels.resolvable(ref.status()));
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        validator.validate(input).forEach(v -> errors.add(new Refusal.FieldError(v.getPropertyPath().toString(),
                v.getMessage())));
        // the clock of the business (tests move it), not the validator's
        if (input.visitedOn() != null && input.visitedOn().isAfter(time.today())) {
            errors.add(new Refusal.FieldError("visitedOn", "assessment.visit.visited-on"));
        }
        FollowUpVisit.Safety safety = errors.stream().anyMatch(e -> e.field().equals("safety")) ? null
                : FollowUpVisit.Safety.valueOf(input.safety());
        if (input.declareEmergency() && safety != FollowUpVisit.Safety.IN_DANGER) {
            errors.add(new Refusal.FieldError("declareEmergency", "assessment.visit.emergency-only-in-danger"));
        }
        if (!errors.isEmpty()) {
            // one error per field (two constraints may say the same), in the form's order
            Map<String, Refusal.FieldError> byField = new LinkedHashMap<>();
            errors.stream().sorted(Comparator.comparingInt(e -> VISIT_FIELDS.indexOf(e.field())))
                    .forEach(e -> byField.putIfAbsent(e.field(), e));
            throw Refusal.invalidFields(List.copyOf(byField.values()));
        }
        FollowUpVisit.Type type = FollowUpVisit.Type.valueOf(input.type());
        Instant visitedAt = input.visitedOn().atTime(12, 0).atZone(time.zone()).toInstant();
        NextFollowUp next = caseFiles.recordFollowUpVisit(caseId, ref.version(),
                visitedAt.isAfter(time.now()) ? time.now() : visitedAt, user.username());
        Instant nextDue = next.nextDue();
        FollowUpVisit visit = visits.save(new FollowUpVisit(caseId, input.visitedOn(), type, Texts.blankToNull(input.personsSeen()),
                input.observations().strip(), safety, Texts.blankToNull(input.nextSteps()), nextDue, user.username(), time.now()));
        events.publishEvent(new FollowUpVisitRecorded(caseId, visit.toView().id(), input.visitedOn(),
                safety == FollowUpVisit.Safety.IN_DANGER, user.username()));
        events.publishEvent(AuditEvent.success(user.username(), "VISIT_RECORDED", "CASE", caseId));
        if (input.declareEmergency()) {
            caseFiles.transition(caseId, TransitionCommand.bySystem(CaseEvent.DECLARE_EMERGENCY,
                    SystemText.of("assessment.visit.emergency-reason"), null, null), next.caseVersion(), user);
        }
        return visit.toView();
    }

    public List<Visit> visitsOf(long caseId, CurrentUser user) {
        worked.workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "VISITS_READ", "CASE", caseId));
        return visitsFor(caseId);
    }

    /** For a caller that has already checked the viewer works the case (the case file). */
    List<Visit> visitsFor(long caseId) {
        return visits.findByCaseIdOrderByVisitedOnDescIdDesc(caseId).stream().map(FollowUpVisit::toView).toList();
    }
}
