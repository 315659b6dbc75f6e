package cn.childprotect.cms.referrals;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ExtensionRequests extends Repository<ExtensionRequest, Long> {

    ExtensionRequest save(ExtensionRequest request);

    Optional<ExtensionRequest> findByIdAndWorkOrderId(long id, long workOrderId);

    boolean existsByWorkOrderIdAndStatus(long workOrderId, ExtensionRequest.Status status);

    List<ExtensionRequest> findByWorkOrderIdInOrderById(Collection<Long> workOrderIds);

    /** Pending requests in the villages a supervisor covers are filtered by the desk. */
    List<ExtensionRequest> findByStatusOrderById(ExtensionRequest.Status status);
}
