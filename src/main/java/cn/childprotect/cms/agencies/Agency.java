package cn.childprotect.cms.agencies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "agencies_agency")
class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    @Enumerated(EnumType.STRING)
    private AgencyType type;

    private String name;

    @Column(name = "jurisdiction_code", columnDefinition = "char(12)")
    private String jurisdictionCode;

    @Column(name = "notification_email")
    private String notificationEmail;

    private boolean active;

    @Version
    private long version;

    protected Agency() {
    }

    Agency(String code, AgencyType type, String name, String jurisdictionCode, String notificationEmail) {
        this.code = code;
        this.type = type;
        this.name = name;
        this.jurisdictionCode = jurisdictionCode;
        this.notificationEmail = notificationEmail;
        this.active = true;
    }

    void update(AgencyType newType, String newName, String newJurisdiction, String newEmail, boolean nowActive) {
        this.type = newType;
        this.name = newName;
        this.jurisdictionCode = newJurisdiction;
        this.notificationEmail = newEmail;
        this.active = nowActive;
    }

    AgencySummary toSummary() {
        return new AgencySummary(id, code, type, name, jurisdictionCode, notificationEmail, active);
    }
}
