package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.shared.deadlines.DeadlineKey;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdue register visits for the escalation sweep: an index range on the stored overdue instant
 * and the id, {@code (visit_overdue_at, id)} (only entries in force have one), oldest first, after
 * where the sweep stands. The deadline is part of the escalation's key, so
 * each missed visit escalates once per level, and the next missed visit of the same child again.
 */
@Component
class RegisterVisitDeadlines implements DeadlineSource {

    private final RegisterEntries entries;

    RegisterVisitDeadlines(RegisterEntries entries) {
        this.entries = entries;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdue(Instant now, int limit) {
        return overdueAfter(now, DeadlineKey.START, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdueAfter(Instant now, DeadlineKey after, int limit) {
        return entries.overdue(now, after.deadline(), after.sourceId(), PageRequest.ofSize(limit)).stream()
                .map(e -> new MissedDeadline(Register.VISIT_DEADLINE, e.id(), e.visitOverdueAt(), null, e.villageCode()))
                .toList();
    }
}
