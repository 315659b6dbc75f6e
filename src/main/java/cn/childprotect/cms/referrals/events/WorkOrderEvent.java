package cn.childprotect.cms.referrals.events;

/**
 * A step of a work order's lifecycle, published in the step's transaction (listeners run after
 * commit, through the event publication registry). Ids and the agency code only: {@code stepId}
 * names the line of the order's history, so a listener can act once per step.
 */
public sealed interface WorkOrderEvent permits WorkOrderDispatched, WorkOrderRedispatched, WorkOrderSigned,
        WorkOrderReturned, WorkOrderResponded, WorkOrderCompleted, WorkOrderReopened, WorkOrderRevoked,
        WorkOrderUrged, WorkOrderExtensionRequested, WorkOrderExtensionApproved, WorkOrderExtensionRefused,
        WorkOrderCallbackRecorded, WorkOrderRedone {

    long workOrderId();

    long stepId();

    long caseId();

    /** The agency the order is addressed to after the step. */
    String agencyCode();
}
