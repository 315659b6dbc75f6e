package cn.childprotect.cms.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.referrals.events.WorkOrderEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * {@code referrals.work_order}: work orders dispatched per agency (state: the order's status now),
 * signed and answered on time or late against the stored sign-by and respond-by deadlines (working
 * days from the SLA policy, docs/domain.md §5), and each return, approved extension, redo and 督办
 * on the day it happened. For the statistics rollup (docs/domain.md, "Statistics").
 */
@Component
class WorkOrderStatsFacts implements StatsFactSource {

    private final WorkOrders orders;
    private final WorkOrderSteps steps;
    private final BusinessTime time;

    WorkOrderStatsFacts(WorkOrders orders, WorkOrderSteps steps, BusinessTime time) {
        this.orders = orders;
        this.steps = steps;
        this.time = time;
    }

    @Override
    public String name() {
        return "referrals.work_order";
    }

    @Override
    public List<Long> subjectsAffectedBy(Object event) {
        return event instanceof WorkOrderEvent e ? List.of(e.workOrderId()) : List.of();
    }

    @Override
    public List<StatsFact> factsOf(long workOrderId) {
        Optional<WorkOrder> found = orders.findById(workOrderId);
        if (found.isEmpty() || found.get().dispatchedAt() == null) {
            return List.of();
        }
        WorkOrder order = found.get();
        StatsFact dispatched = StatsFact.count("workorders.dispatched", time.dateOf(order.dispatchedAt()),
                order.villageCode()).withAgency(order.agencyCode()).withState(order.status().name());
        List<StatsFact> facts = new ArrayList<>();
        facts.add(dispatched);
        if (order.signedAt() != null && order.signBy() != null) {
            facts.add(dispatched.as(order.signedAt().isAfter(order.signBy()) ? "sla.sign.late" : "sla.sign.on_time",
                    time.dateOf(order.signedAt())));
        }
        if (order.respondedAt() != null && order.respondBy() != null) {
            facts.add(dispatched.as(order.respondedAt().isAfter(order.respondBy()) ? "sla.respond.late"
                    : "sla.respond.on_time", time.dateOf(order.respondedAt())));
        }
        for (WorkOrderStep step : steps.findByWorkOrderIdOrderById(workOrderId)) {
            String measure = switch (step.action()) {
                case RETURN -> "workorders.returned";
                case APPROVE_EXTENSION -> "workorders.extended";
                case REDO -> "workorders.redone";
                case URGE -> "workorders.urged";
                default -> null;
            };
            if (measure != null && step.occurredAt() != null) {
                facts.add(dispatched.as(measure, time.dateOf(step.occurredAt())));
            }
        }
        return facts;
    }

    @Override
    public List<Long> subjectsAfter(long afterId, int limit) {
        return orders.findIdsAfter(afterId, PageRequest.of(0, limit));
    }
}
