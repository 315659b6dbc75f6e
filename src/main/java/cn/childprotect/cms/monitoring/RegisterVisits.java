package cn.childprotect.cms.monitoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisterVisits extends JpaRepository<RegisterVisit, Long> {

    List<RegisterVisit> findByEntryIdOrderByVisitedOnDescIdDesc(long entryId);
}
