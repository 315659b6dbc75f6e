package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One registered child's visit in a campaign; done by the first register visit within its dates. */
@Entity
@Table(name = "monitoring_campaign_visit")
class CampaignVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "campaign_id")
    private long campaignId;

    @Column(name = "entry_id")
    private long entryId;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "overdue_at")
    private Instant overdueAt;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Column(name = "visit_id")
    private Long visitId;

    protected CampaignVisit() {
    }

    CampaignVisit(long campaignId, long entryId, String villageCode, LocalDate startsOn, LocalDate endsOn,
            Instant overdueAt) {
        this.campaignId = campaignId;
        this.entryId = entryId;
        this.villageCode = villageCode;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.overdueAt = overdueAt;
    }

    void done(LocalDate on, long visit) {
        doneOn = on;
        visitId = visit;
        overdueAt = null;
    }

    Long id() {
        return id;
    }

    long entryId() {
        return entryId;
    }

    String villageCode() {
        return villageCode;
    }

    Instant overdueAt() {
        return overdueAt;
    }
}
