package cn.childprotect.cms.escalations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.escalations.events.EscalationRaised;
import cn.childprotect.cms.escalations.events.EscalationResolved;
import cn.childprotect.cms.escalations.events.EscalationsRaised;
import cn.childprotect.cms.escalations.events.EscalationsResolvedWithCase;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * {@code escalations.escalation}: escalations and review items raised (category: the kind, state:
 * the level) and resolved, each on its day. For the statistics rollup (docs/domain.md, "Statistics").
 */
@Component
class EscalationStatsFacts implements StatsFactSource {

    private final Escalations escalations;
    private final BusinessTime time;

    EscalationStatsFacts(Escalations escalations, BusinessTime time) {
        this.escalations = escalations;
        this.time = time;
    }

    @Override
    public String name() {
        return "escalations.escalation";
    }

    @Override
    public List<Long> subjectsAffectedBy(Object event) {
        return switch (event) {
            case EscalationRaised e -> List.of(e.escalationId());
            case EscalationsRaised e -> e.escalationIds();
            case EscalationResolved e -> List.of(e.escalationId());
            case EscalationsResolvedWithCase e -> e.escalationIds();
            default -> List.of();
        };
    }

    @Override
    public List<StatsFact> factsOf(long escalationId) {
        return escalations.findById(escalationId).map(this::factsOf).orElse(List.of());
    }

    /** One query however many (a sweep raises hundreds at once, and the drain reads them as one batch). */
    @Override
    public Map<Long, List<StatsFact>> factsOf(Collection<Long> escalationIds) {
        Map<Long, List<StatsFact>> facts = new HashMap<>();
        for (Escalation escalation : escalations.findAllById(escalationIds)) {
            facts.put(escalation.id(), factsOf(escalation));
        }
        return facts;
    }

    private List<StatsFact> factsOf(Escalation escalation) {
        if (escalation.villageCode() == null || escalation.raisedAt() == null) {
            return List.of();
        }
        StatsFact raised = StatsFact.count("escalations.raised", time.dateOf(escalation.raisedAt()),
                escalation.villageCode()).withCategory(escalation.kind().name()).withState(escalation.level().name());
        List<StatsFact> facts = new ArrayList<>();
        facts.add(raised);
        if (escalation.resolvedAt() != null) {
            facts.add(raised.as("escalations.resolved", time.dateOf(escalation.resolvedAt())));
        }
        return facts;
    }

    @Override
    public List<Long> subjectsAfter(long afterId, int limit) {
        return escalations.findIdsAfter(afterId, PageRequest.of(0, limit));
    }
}
