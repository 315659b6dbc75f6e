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
 * Campaign visits not made by the campaign's end, for the escalation sweep: an index range on
 * {@code (overdue_at, id)}, oldest first, after where the sweep stands.
 */
@Component
class CampaignVisitDeadlines implements DeadlineSource {

    private final CampaignVisits visits;

    CampaignVisitDeadlines(CampaignVisits visits) {
        this.visits = visits;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdue(Instant now, int limit) {
        return overdueAfter(now, DeadlineKey.START, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdueAfter(Instant now, DeadlineKey after, int limit) {
        return visits.overdue(now, after.deadline(), after.sourceId(), PageRequest.ofSize(limit)).stream().map(v -> new MissedDeadline(
                RegisterCampaigns.VISIT_DEADLINE, v.id(), v.overdueAt(), null, v.villageCode())).toList();
    }
}
