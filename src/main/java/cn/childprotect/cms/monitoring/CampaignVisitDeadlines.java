package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Campaign visits not made by the campaign's end, for the escalation sweep (an index range, oldest first). */
@Component
class CampaignVisitDeadlines implements DeadlineSource {

    private final CampaignVisits visits;

    CampaignVisitDeadlines(CampaignVisits visits) {
        this.visits = visits;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MissedDeadline> overdue(Instant now, int limit) {
        return visits.overdue(now, PageRequest.ofSize(limit)).stream().map(v -> new MissedDeadline(
                RegisterCampaigns.VISIT_DEADLINE, v.id(), v.overdueAt(), null, v.villageCode())).toList();
    }
}
