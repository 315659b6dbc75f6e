package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.referrals.events.WorkOrderEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.deadlines.DeadlinesMissed;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * {@code referrals.work_order}: work orders dispatched per agency (state: the order's status now),
 * signed and answered on time or late against the stored sign-by and respond-by deadlines (working
 * days from the SLA policy, docs/domain.md §5; late on the deadline's day, also while still unsigned
 * or unanswered past it, from the sweep that finds it missed, {@code DeadlinesMissed}), and each return, approved extension, redo and 督办
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
        return switch (event) {
            case WorkOrderEvent e -> List.of(e.workOrderId());
            case DeadlinesMissed e -> e.sourceIdsOf("WORK_ORDER_SIGN", "WORK_ORDER_RESPONSE");
            default -> List.of();
        };
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
        Instant now = time.now();
        if (order.signedAt() != null && order.signBy() != null) {
            facts.add(order.signedAt().isAfter(order.signBy()) ? dispatched.as("sla.sign.late", time.dateOf(order.signBy()))
                    : dispatched.as("sla.sign.on_time", time.dateOf(order.signedAt())));
        }
        else if (order.signedAt() == null && order.status() == WorkOrderStatus.DISPATCHED && order.dueAt() != null
                && order.dueAt().isBefore(now)) {
            facts.add(dispatched.as("sla.sign.late", time.dateOf(order.dueAt())));
        }
        if (order.respondedAt() != null && order.respondBy() != null) {
            facts.add(order.respondedAt().isAfter(order.respondBy())
                    ? dispatched.as("sla.respond.late", time.dateOf(order.respondBy()))
                    : dispatched.as("sla.respond.on_time", time.dateOf(order.respondedAt())));
        }
        else if (order.respondedAt() == null && order.status() == WorkOrderStatus.SIGNED && order.dueAt() != null
                && order.dueAt().isBefore(now)) {
            facts.add(dispatched.as("sla.respond.late", time.dateOf(order.dueAt())));
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
