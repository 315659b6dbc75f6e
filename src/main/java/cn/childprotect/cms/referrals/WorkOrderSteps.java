package cn.childprotect.cms.referrals;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface WorkOrderSteps extends Repository<WorkOrderStep, Long> {

    WorkOrderStep save(WorkOrderStep step);

    Optional<WorkOrderStep> findById(long id);

    List<WorkOrderStep> findByWorkOrderIdOrderById(long workOrderId);

    /** The histories of a page of orders in one query. */
    List<WorkOrderStep> findByWorkOrderIdInOrderById(java.util.Collection<Long> workOrderIds);
}
