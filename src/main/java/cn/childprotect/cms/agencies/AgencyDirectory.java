package cn.childprotect.cms.agencies;

import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agencies module's facade. */
@Service
@Transactional(readOnly = true)
public class AgencyDirectory {

    private final Agencies agencies;
    private final Jurisdictions jurisdictions;
    private final ApplicationEventPublisher events;

    AgencyDirectory(Agencies agencies, Jurisdictions jurisdictions, ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.events = events;
    }

    public Optional<AgencySummary> findByCode(String code) {
        return code == null ? Optional.empty() : agencies.findByCode(code).map(Agency::toSummary);
    }

    public Optional<AgencySummary> findById(long id) {
        return agencies.findById(id).map(Agency::toSummary);
    }

    /**
     * The names of the given agencies in one query (a page of another module's list, issue 19: not
     * one read per row); unknown codes are absent.
     */
    public java.util.Map<String, String> namesOf(java.util.Collection<String> codes) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            agencies.findByCodeIn(codes).stream().map(Agency::toSummary).forEach(a -> names.put(a.code(), a.name()));
        }
        return names;
    }

    public List<AgencySummary> all() {
        return agencies.findAllByOrderByCode().stream().map(Agency::toSummary).toList();
    }

    public record AgencyData(String code, AgencyType type, String name, String jurisdictionCode,
            String notificationEmail, boolean active) {
    }

    @Transactional
    public AgencySummary create(AgencyData data, String actor) {
        requireKnownJurisdiction(data.jurisdictionCode());
        if (agencies.findByCode(data.code()).isPresent()) {
            throw Refusal.invalidField("code", "agencies.code-taken", data.code());
        }
        Agency agency = agencies.save(new Agency(data.code(), data.type(), data.name(), data.jurisdictionCode(),
                data.notificationEmail()));
        if (!data.active()) {
            agency.update(data.type(), data.name(), data.jurisdictionCode(), data.notificationEmail(), false);
        }
        events.publishEvent(AuditEvent.success(actor, "AGENCY_CREATED", "AGENCY", data.code()));
        return agency.toSummary();
    }

    @Transactional
    public AgencySummary update(String code, AgencyData data, String actor) {
        requireKnownJurisdiction(data.jurisdictionCode());
        Agency agency = agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agencies.not-found", code));
        agency.update(data.type(), data.name(), data.jurisdictionCode(), data.notificationEmail(), data.active());
        events.publishEvent(AuditEvent.success(actor, "AGENCY_UPDATED", "AGENCY", code));
        return agency.toSummary();
    }

    private void requireKnownJurisdiction(String code) {
        if (jurisdictions.find(code).isEmpty()) {
            throw Refusal.invalidField("jurisdictionCode", "jurisdictions.unknown-code", code);
        }
    }

    /** Seeding from config: adds agencies whose code is new, leaves existing ones as administered. */
    @Transactional
    public boolean addIfAbsent(AgencyData data) {
        if (agencies.findByCode(data.code()).isPresent()) {
            return false;
        }
        agencies.save(new Agency(data.code(), data.type(), data.name(), data.jurisdictionCode(),
                data.notificationEmail()));
        return true;
    }
}
