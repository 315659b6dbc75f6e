package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignVisits extends JpaRepository<CampaignVisit, Long> {

    /** Progress per village: [village, total, done, overdue]. */
    @Query("""
            select v.villageCode, count(v), sum(case when v.doneOn is not null then 1 else 0 end),
                   sum(case when v.doneOn is null and v.overdueAt <= :now then 1 else 0 end)
            from CampaignVisit v where v.campaignId = :campaign and v.villageCode like :scope
            group by v.villageCode order by v.villageCode""")
    List<Object[]> progress(@Param("campaign") long campaign, @Param("scope") String scope, @Param("now") Instant now);

    /** The campaign visits a register visit on that day makes. */
    @Query("""
            select v from CampaignVisit v where v.entryId = :entry and v.doneOn is null
              and v.startsOn <= :on and v.endsOn >= :on""")
    List<CampaignVisit> openOn(@Param("entry") long entry, @Param("on") LocalDate on);

    /** The visits of the entry still to be made (index {@code monitoring_campaign_visit_entry}). */
    @Query("select v from CampaignVisit v where v.entryId = :entry and v.doneOn is null")
    List<CampaignVisit> openOf(@Param("entry") long entry);

    boolean existsByCampaignIdAndEntryId(long campaignId, long entryId);

    /**
     * The escalation sweep's read after a (overdue instant, id) key: an index range on
     * {@code monitoring_campaign_visit_overdue (overdue_at, id)}, oldest first.
     */
    @Query("""
            select v from CampaignVisit v where v.overdueAt <= :now
              and (v.overdueAt > :afterDeadline or (v.overdueAt = :afterDeadline and v.id > :afterId))
            order by v.overdueAt, v.id""")
    List<CampaignVisit> overdue(@Param("now") Instant now, @Param("afterDeadline") Instant afterDeadline,
            @Param("afterId") long afterId, Pageable page);
}
