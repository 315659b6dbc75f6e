package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;

/**
 * The screening part of the case detail (docs/domain.md §8). Before ACCEPT, {@code proposedPriority}
 * and {@code proposalReasons} are the live proposal and {@code responsePriority} is null; after it,
 * the proposal as it was on record and the priority chosen, with {@code overrideReason} when the two
 * differ. {@code screenOutReason} is a code of {@code cms.screening.screen-out-reasons}.
 */
public record ScreeningView(ResponsePriority proposedPriority, String proposedPriorityLabel,
        List<String> proposalReasons, ResponsePriority responsePriority, String responsePriorityLabel,
        String overrideReason, String acceptedBy, Instant acceptedAt, Instant firstContactDue, boolean firstContactOverdue,
        Instant firstContactAt, String firstContactBy, String firstContactNote, String screenOutReason,
        String screenOutReasonLabel, String referredTo) {
}
