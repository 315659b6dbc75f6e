package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkOrders extends JpaRepository<WorkOrder, Long> {

    List<WorkOrder> findByCaseIdOrderById(long caseId);

    boolean existsByCaseIdAndStatusIn(long caseId, Collection<WorkOrderStatus> statuses);

    boolean existsByCaseIdAndAgencyCodeAndStatusIn(long caseId, String agencyCode, Collection<WorkOrderStatus> statuses);

    /**
     * An agency's orders: one row more than the page (Slice), no count. Ordered by (dueAt, id desc),
     * read in that order from referrals_work_order_agency_due or, by status, _agency (V8_10_1).
     */
    @Query("""
            select w from WorkOrder w where w.agencyCode = :agency
              and (:status is null or w.status = :status)
              and (:overdueBefore is null or w.dueAt < :overdueBefore)""")
    Slice<WorkOrder> findForAgency(String agency, WorkOrderStatus status, Instant overdueBefore, Pageable page);

    /** The same rows' ids, for a capped count: asked with an offset of the cap and a size of one. */
    @Query("""
            select w.id from WorkOrder w where w.agencyCode = :agency
              and (:status is null or w.status = :status)
              and (:overdueBefore is null or w.dueAt < :overdueBefore)""")
    List<Long> probeForAgency(String agency, WorkOrderStatus status, Instant overdueBefore, Pageable page);

    @Query("""
            select count(w) from WorkOrder w where w.agencyCode = :agency
              and (:status is null or w.status = :status)
              and (:overdueBefore is null or w.dueAt < :overdueBefore)""")
    long countForAgency(String agency, WorkOrderStatus status, Instant overdueBefore);

    /** Index range scan on the current step's deadline. */
    @Query("""
            select w from WorkOrder w where w.status = :status and w.dueAt < :now
              and (w.dueAt > :afterDeadline or (w.dueAt = :afterDeadline and w.id > :afterId))
            order by w.dueAt, w.id""")
    List<WorkOrder> findOverdue(WorkOrderStatus status, Instant now, Instant afterDeadline, long afterId, Pageable page);

    List<WorkOrder> findByLeadOrderIdOrderById(long leadOrderId);

    /** Orders dispatched in a period in a jurisdiction (village code prefix pattern), for the performance figures. */
    @Query("""
            select w from WorkOrder w where w.dispatchedAt >= :from and w.dispatchedAt < :to
              and w.villageCode like :villages""")
    List<WorkOrder> findDispatchedBetween(Instant from, Instant to, String villages);

    /** Completed lead or single orders, for the callbacks-due list (parts are called back with their lead). */
    @Query("""
            select w from WorkOrder w where w.status = cn.childprotect.cms.referrals.WorkOrderStatus.COMPLETED
              and w.leadOrderId is null and w.villageCode like :villages
              and not exists (select c from Callback c where c.workOrderId = w.id and c.recordedAt >= w.closedAt)
            order by w.closedAt""")
    List<WorkOrder> findAwaitingCallback(String villages, Pageable page);

    Optional<WorkOrder> findByIdAndAgencyCode(long id, String agencyCode);

    /** Ids in ascending order, for a statistics rebuild. */
    @org.springframework.data.jpa.repository.Query("select x.id from WorkOrder x where x.id > :afterId order by x.id")
    List<Long> findIdsAfter(long afterId, org.springframework.data.domain.Pageable page);
}
