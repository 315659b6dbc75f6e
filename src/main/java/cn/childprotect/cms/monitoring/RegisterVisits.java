package cn.childprotect.cms.monitoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisterVisits extends JpaRepository<RegisterVisit, Long> {

    List<RegisterVisit> findByEntryIdOrderByVisitedOnDescIdDesc(long entryId);

    /** The visits of many entries in one query (the statistics drain's batch), in no particular order. */
    List<RegisterVisit> findByEntryIdIn(java.util.Collection<Long> entryIds);
}
