package cn.childprotect.cms.monitoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisterChanges extends JpaRepository<RegisterChange, Long> {

    List<RegisterChange> findByEntryIdOrderById(long entryId);

    /** The changes of many entries in one query (the statistics drain's batch). */
    List<RegisterChange> findByEntryIdInOrderById(java.util.Collection<Long> entryIds);
}
