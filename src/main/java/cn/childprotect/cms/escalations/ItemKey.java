package cn.childprotect.cms.escalations;

import java.time.Instant;

/** The unique key of an item: one per missed deadline and level, ever. */
record ItemKey(EscalationKind kind, long sourceId, Instant deadline, EscalationLevel level) {

    static ItemKey of(Miss miss, EscalationLevel level) {
        return new ItemKey(miss.kind(), miss.sourceId(), miss.deadline(), level);
    }
}
