package cn.childprotect.cms.referrals;

import java.util.List;

import org.springframework.data.repository.Repository;

interface WorkOrderSteps extends Repository<WorkOrderStep, Long> {

    WorkOrderStep save(WorkOrderStep step);

    List<WorkOrderStep> findByWorkOrderIdOrderById(long workOrderId);
}
