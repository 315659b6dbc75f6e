package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A key-period sweep (重点时段排查): a scope, categories (none = all) and dates. */
@Entity
@Table(name = "monitoring_campaign")
class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private String name;

    @Column(name = "scope_code", columnDefinition = "char(12)")
    private String scopeCode;

    private String categories;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Campaign() {
    }

    Campaign(String name, String scopeCode, List<String> categories, LocalDate startsOn, LocalDate endsOn,
            String createdBy, Instant createdAt) {
        this.name = name;
        this.scopeCode = scopeCode;
        this.categories = categories.isEmpty() ? null : "," + String.join(",", categories) + ",";
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String scopeCode() {
        return scopeCode;
    }

    List<String> categories() {
        return categories == null ? List.of() : Arrays.stream(categories.split(",")).filter(s -> !s.isBlank()).toList();
    }

    RegisterViews.CampaignView toView(String scopeName) {
        return new RegisterViews.CampaignView(id, name, scopeCode, scopeName, categories(), startsOn, endsOn, createdBy,
                createdAt);
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }
}
