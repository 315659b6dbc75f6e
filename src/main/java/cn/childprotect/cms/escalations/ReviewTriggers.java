package cn.childprotect.cms.escalations;

import java.util.EnumSet;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.events.CaseRiskLevelChanged;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.intake.events.PoliceNotificationRecorded;
import cn.childprotect.cms.intake.events.PossibleDuplicateReported;
import cn.childprotect.cms.intake.events.ReportRelinked;
import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.referrals.events.WorkOrderCompleted;
import cn.childprotect.cms.referrals.events.WorkOrderEvent;
import cn.childprotect.cms.referrals.events.WorkOrderRedispatched;
import cn.childprotect.cms.referrals.events.WorkOrderResponded;
import cn.childprotect.cms.referrals.events.WorkOrderReturned;
import cn.childprotect.cms.referrals.events.WorkOrderRevoked;
import cn.childprotect.cms.referrals.events.WorkOrderSigned;
import cn.childprotect.cms.shared.BusinessTime;

import cn.childprotect.cms.shared.Labels;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises review items for the township supervisor (emergency declared, work order returned,
 * HIGH/CRITICAL risk, closure requested) and resolves items whose cause is gone (the case left
 * the late state, the late order was signed or answered, the police notification was recorded).
 * Synchronous on purpose: it commits or rolls back with the change that caused it.
 */
@Component
class ReviewTriggers {

    private final EscalationDesk desk;
    private final CaseFiles caseFiles;
    private final BusinessTime time;

    ReviewTriggers(EscalationDesk desk, CaseFiles caseFiles, BusinessTime time) {
        this.desk = desk;
        this.caseFiles = caseFiles;
        this.time = time;
    }

    @EventListener
    void on(CaseStatusChanged event) {
        desk.resolveAutomatically(EnumSet.of(EscalationKind.CASE_DEADLINE), event.caseId(),
                reason("escalation.resolved.case-left-status", Labels.resolvable(event.from())));
        if (event.from() == CaseStatus.EMERGENCY) {
            desk.resolveAutomatically(EnumSet.of(EscalationKind.EMERGENCY_DECLARED), event.caseId(), reason("escalation.resolved.emergency-ended"));
        }
        if (event.from() == CaseStatus.PENDING_CLOSURE) {
            desk.resolveAutomatically(EnumSet.of(EscalationKind.CLOSURE_REQUESTED), event.caseId(), reason("escalation.resolved.closure-decided"));
        }
        if (!event.to().isOpen()) {
            desk.resolveAllOfCase(event.caseId(), reason("escalation.resolved.case-closed", Labels.resolvable(event.to())));
        }
        if (event.to() == CaseStatus.EMERGENCY) {
            desk.raise(EscalationKind.EMERGENCY_DECLARED, event.caseId(), time.now(), EscalationLevel.TOWNSHIP,
                    event.caseId(), event.villageCode());
        }
        if (event.to() == CaseStatus.PENDING_CLOSURE) {
            desk.raise(EscalationKind.CLOSURE_REQUESTED, event.caseId(), time.now(), EscalationLevel.TOWNSHIP,
                    event.caseId(), event.villageCode());
        }
    }

    @EventListener
    void on(CaseRiskLevelChanged event) {
        if (event.level().needsConfirmation()) {
            desk.raise(EscalationKind.HIGH_RISK, event.caseId(), time.now(), EscalationLevel.TOWNSHIP, event.caseId(),
                    event.villageCode());
        }
    }

    @EventListener
    void on(WorkOrderEvent event) {
        switch (event) {
            case WorkOrderSigned signed -> desk.resolveAutomatically(EnumSet.of(EscalationKind.WORK_ORDER_SIGN),
                    signed.workOrderId(), reason("escalation.resolved.work-order-signed"));
            case WorkOrderResponded responded -> desk.resolveAutomatically(
                    EnumSet.of(EscalationKind.WORK_ORDER_RESPONSE), responded.workOrderId(), reason("escalation.resolved.work-order-responded"));
            case WorkOrderReturned returned -> {
                desk.resolveAutomatically(EnumSet.of(EscalationKind.WORK_ORDER_SIGN, EscalationKind.WORK_ORDER_RESPONSE),
                        returned.workOrderId(), reason("escalation.resolved.work-order-returned"));
                caseFiles.find(returned.caseId()).map(CaseRef::villageCode).ifPresent(village -> desk.raise(
                        EscalationKind.WORK_ORDER_RETURNED, returned.workOrderId(), time.now(), EscalationLevel.TOWNSHIP,
                        returned.caseId(), village));
            }
            case WorkOrderRedispatched redispatched -> desk.resolveAutomatically(
                    EnumSet.of(EscalationKind.WORK_ORDER_RETURNED), redispatched.workOrderId(), reason("escalation.resolved.work-order-redispatched"));
            case WorkOrderRevoked revoked -> resolveAllOfOrder(revoked.workOrderId(), reason("escalation.resolved.work-order-revoked"));
            case WorkOrderCompleted completed -> resolveAllOfOrder(completed.workOrderId(), reason("escalation.resolved.work-order-completed"));
            // coop (issue 16): an approved extension is not a miss; the escalation of the old deadline ends
            case cn.childprotect.cms.referrals.events.WorkOrderExtensionApproved extended -> desk.resolveAutomatically(
                    EnumSet.of(EscalationKind.WORK_ORDER_SIGN, EscalationKind.WORK_ORDER_RESPONSE),
                    extended.workOrderId(), reason("cms.escalation.resolved.extension-approved"));
            default -> {
            }
        }
    }

    private void resolveAllOfOrder(long workOrderId, Reason why) {
        desk.resolveAutomatically(EnumSet.of(EscalationKind.WORK_ORDER_SIGN, EscalationKind.WORK_ORDER_RESPONSE,
                EscalationKind.WORK_ORDER_RETURNED), workOrderId, why);
    }

    /**
     * A report that may be about a child with another open case goes to supervisors who may see
     * both: the township's when every case is in the report's township, else the county's. The
     * filer is only told that a match exists (issue 18: a receipt is not an oracle).
     */
    @EventListener
    void on(PossibleDuplicateReported event) {
        String township = JurisdictionCodes.townshipOf(event.villageCode());
        boolean sameTownship = event.otherCaseIds().stream().map(caseFiles::find).flatMap(java.util.Optional::stream)
                .allMatch(other -> JurisdictionCodes.townshipOf(other.villageCode()).equals(township));
        desk.raise(EscalationKind.POSSIBLE_DUPLICATE, event.reportId(), time.now(),
                sameTownship ? EscalationLevel.TOWNSHIP : EscalationLevel.COUNTY, event.caseId(), event.villageCode());
    }

    /** Linking the report settles whether it was a duplicate. */
    @EventListener
    void on(ReportRelinked event) {
        desk.resolveAutomatically(EnumSet.of(EscalationKind.POSSIBLE_DUPLICATE), event.reportId(),
                reason("escalation.resolved.report-relinked"));
    }

    /** Another module's deadline (see shared.deadlines) was met or is gone. */
    @EventListener
    void on(cn.childprotect.cms.shared.deadlines.DeadlineMet event) {
        desk.resolveAutomatically(EnumSet.of(EscalationKind.valueOf(event.kind())), event.sourceId(),
                reason(event.reasonKey()));
    }

    @EventListener
    void on(PoliceNotificationRecorded event) {
        desk.resolveAutomatically(EnumSet.of(EscalationKind.POLICE_NOTIFICATION), event.reportId(), reason("escalation.resolved.police-notified"));
    }

    /**
     * Why items resolved themselves, as a message with the names of codes as its arguments: kept on
     * the item and on the timeline, read in the reader's language (docs/domain.md §4).
     */
    private static Reason reason(String key, MessageSourceResolvable... args) {
        return Reason.of(key, args);
    }
}
