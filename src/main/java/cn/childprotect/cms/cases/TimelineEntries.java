package cn.childprotect.cms.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Append and read only: timeline entries are never changed or removed. */
interface TimelineEntries extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    List<TimelineEntry> findByCaseIdOrderByIdAsc(long caseId);

    Optional<TimelineEntry> findFirstByCaseIdOrderByIdDesc(long caseId);
}
