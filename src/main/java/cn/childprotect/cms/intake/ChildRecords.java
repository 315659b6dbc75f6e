package cn.childprotect.cms.intake;

import java.util.List;
import java.util.Map;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.intake.events.ChildRecordCorrected;
import cn.childprotect.cms.people.ChildCorrection;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correcting a child's record after intake (name, birth date, ID number, guardians ...): only
 * those who work the child's case (its supervisors in scope, the assigned child director), and
 * through the people module's facade. Each correction leaves a timeline entry naming the fields
 * that changed and an audit row, never the old or new values.
 */
@Service
public class ChildRecords {

    private final CaseFiles caseFiles;
    private final ChildRegistry registry;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ChildRecords(CaseFiles caseFiles, ChildRegistry registry, ApplicationEventPublisher events,
            MessageSource messages) {
        this.caseFiles = caseFiles;
        this.registry = registry;
        this.events = events;
        this.messages = messages;
    }

    /** The record as the correction form starts from; 404 for a case the user does not work. Audited. */
    @Transactional
    public ChildCorrection correctionForm(long caseId, CurrentUser user) {
        long childId = caseFiles.childOfCaseWorkedBy(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "CHILD_RECORD_READ", "CHILD", childId)
                .withDetail("case " + caseId));
        return registry.correctionOf(childId).orElseThrow();
    }

    @Transactional
    public ChildCard correct(long caseId, ChildCorrection correction, CurrentUser user) {
        long childId = caseFiles.childOfCaseWorkedBy(caseId, user);
        List<Refusal.FieldError> errors = registry.validateCorrection(childId, correction);
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        List<String> changed = registry.correct(childId, correction);
        if (!changed.isEmpty()) {
            events.publishEvent(new ChildRecordCorrected(caseId, childId, changed, user.username()));
            events.publishEvent(AuditEvent.success(user.username(), "CHILD_CORRECTED", "CHILD", childId)
                    .withDetail("case " + caseId + ": " + String.join(",", changed)));
        }
        return new ChildCard(registry.find(childId).orElseThrow(), registry.guardiansOf(childId));
    }
}
