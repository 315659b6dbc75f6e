package cn.childprotect.cms.guardianship;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.shared.deadlines.DeadlineKey;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures' stored deadlines for the escalation sweep (kind {@code MEASURE_DEADLINE}): an
 * index range read on {@code (next_deadline_at, id)}, oldest first, after where the sweep stands. Each new deadline of a measure is a
 * new miss; a step that moves it publishes {@code DeadlineMet}.
 */
@Component
class MeasureDeadlineSource implements DeadlineSource {

    private final Measures measures;

    MeasureDeadlineSource(Measures measures) {
        this.measures = measures;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdue(Instant now, int limit) {
        return overdueAfter(now, DeadlineKey.START, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdueAfter(Instant now, DeadlineKey after, int limit) {
        return measures.findOverdue(now, after.deadline(), after.sourceId(), Pageable.ofSize(limit)).stream()
                .map(m -> new MissedDeadline(MeasureDesk.ESCALATION_KIND, m.id(), m.nextDeadlineAt(), m.caseId(),
                        m.villageCode()))
                .toList();
    }
}
