package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return factsOf(found.get(), steps.findByWorkOrderIdOrderById(workOrderId));
    }

    /** The orders in one query and their histories in another, however many (a drain's batch). */
    @Override
    public Map<Long, List<StatsFact>> factsOf(Collection<Long> workOrderIds) {
        Map<Long, List<StatsFact>> facts = new HashMap<>();
        if (workOrderIds.isEmpty()) {
            return facts;
        }
        List<WorkOrder> found = orders.findAllById(workOrderIds);
        List<Long> dispatched = found.stream().filter(o -> o.dispatchedAt() != null).map(WorkOrder::id).toList();
        Map<Long, List<WorkOrderStep>> histories = new HashMap<>();
        if (!dispatched.isEmpty()) {
            for (WorkOrderStep step : steps.findByWorkOrderIdInOrderById(dispatched)) {
                histories.computeIfAbsent(step.workOrderId(), k -> new ArrayList<>()).add(step);
            }
        }
        for (WorkOrder order : found) {
            facts.put(order.id(), factsOf(order, histories.getOrDefault(order.id(), List.of())));
        }
        return facts;
    }

    /** {@code history}: the order's steps in id order. */
    private List<StatsFact> factsOf(WorkOrder order, List<WorkOrderStep> history) {
        if (order.dispatchedAt() == null) {
            return List.of();
        }
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
        for (WorkOrderStep step : history) {
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
