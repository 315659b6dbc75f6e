package cn.childprotect.cms.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: timeline entries are never changed or removed. */
interface TimelineEntries extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    List<TimelineEntry> findByCaseIdOrderByIdAsc(long caseId);

    Optional<TimelineEntry> findFirstByCaseIdOrderByIdDesc(long caseId);

    /** The workflow events of several cases in one query, each case's in the order they happened. */
    @Query("""
            select new cn.childprotect.cms.cases.TimelineMilestone(t.caseId, t.event, t.fromStatus, t.occurredAt)
            from TimelineEntry t where t.caseId in :caseIds and t.event is not null order by t.caseId, t.id""")
    List<TimelineMilestone> findMilestonesOfCases(Collection<Long> caseIds);
}
