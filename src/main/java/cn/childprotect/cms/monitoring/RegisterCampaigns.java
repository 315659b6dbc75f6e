package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.monitoring.RegisterViews.CampaignView;
import cn.childprotect.cms.monitoring.RegisterViews.NewCampaign;
import cn.childprotect.cms.monitoring.RegisterViews.VillageProgress;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key-period sweeps (重点时段排查, docs/domain.md §6.2): a supervisor opens a campaign for a scope
 * within their own, categories (none = all) and dates; every child in force in the register there
 * gets one campaign visit due by the end date, made by the first register visit within the dates.
 * Progress per village (done / due / overdue); an overdue campaign visit escalates
 * ({@code CAMPAIGN_VISIT}, {@link CampaignVisitDeadlines}).
 */
@Service
@Transactional
public class RegisterCampaigns {

    public static final String VISIT_DEADLINE = "CAMPAIGN_VISIT";

    private final Campaigns campaigns;
    private final CampaignVisits visits;
    private final RegisterEntries entries;
    private final RegisterTaxonomy taxonomy;
    private final Jurisdictions jurisdictions;
    private final VisitSchedule schedule;
    private final BusinessTime time;
    private final ApplicationEventPublisher events;

    RegisterCampaigns(Campaigns campaigns, CampaignVisits visits, RegisterEntries entries, RegisterTaxonomy taxonomy,
            Jurisdictions jurisdictions, VisitSchedule schedule, BusinessTime time, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.visits = visits;
        this.entries = entries;
        this.taxonomy = taxonomy;
        this.jurisdictions = jurisdictions;
        this.schedule = schedule;
        this.time = time;
        this.events = events;
    }

    public CampaignView open(NewCampaign request, CurrentUser user) {
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("register.campaign.error.role");
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        String name = Texts.blankToNull(request.name());
        if (name == null || name.length() > 100) {
            errors.add(new Refusal.FieldError("name", "register.campaign.error.name"));
        }
        String scope = Texts.blankToNull(request.scopeCode()) == null ? user.jurisdictionCode() : request.scopeCode().strip();
        if (!scope.matches("\\d{12}") || jurisdictions.find(scope).isEmpty() || !user.covers(scope)) {
            errors.add(new Refusal.FieldError("scopeCode", "register.campaign.error.scope", scope));
        }
        List<String> categories = request.categories() == null ? List.of() : request.categories();
        for (String code : categories) {
            if (taxonomy.category(code).isEmpty()) {
                errors.add(new Refusal.FieldError("categories", "register.error.category-unknown", code));
            }
        }
        if (request.startsOn() == null || request.endsOn() == null || request.endsOn().isBefore(request.startsOn())
                || request.endsOn().isBefore(time.today())) {
            errors.add(new Refusal.FieldError("endsOn", "register.campaign.error.dates"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        Campaign campaign = campaigns.save(new Campaign(name, scope, categories, request.startsOn(), request.endsOn(),
                user.username(), time.now()));
        Instant overdueAt = schedule.overdueFrom(request.endsOn());
        String pattern = JurisdictionScope.of(scope).likePattern();
        int page = 0;
        List<RegisterEntry> chunk;
        do {
            chunk = entries.inForceInScope(pattern, Register.IN_FORCE, PageRequest.of(page++, 1000));
            for (RegisterEntry entry : chunk) {
                if (categories.isEmpty() || entry.categories().stream().anyMatch(categories::contains)) {
                    visits.save(new CampaignVisit(campaign.id(), entry.id(), entry.villageCode(), request.startsOn(),
                            request.endsOn(), overdueAt));
                }
            }
        }
        while (chunk.size() == 1000);
        events.publishEvent(AuditEvent.success(user.username(), "REGISTER_CAMPAIGN_OPENED", "REGISTER_CAMPAIGN",
                campaign.id()));
        return campaign.toView(jurisdictions.nameOf(scope));
    }

    private static boolean sees(CurrentUser user, Campaign campaign) {
        if (!Register.works(user)) {
            return false;
        }
        String prefix = JurisdictionScope.of(campaign.scopeCode()).prefix();
        return user.covers(campaign.scopeCode()) || user.scope().prefix().startsWith(prefix);
    }

    /** Campaigns whose scope meets the caller's, newest first. */
    @Transactional(readOnly = true)
    public List<CampaignView> list(CurrentUser user) {
        if (!Register.works(user)) {
            throw Refusal.notAllowed("register.error.role");
        }
        return campaigns.findAllByOrderByIdDesc().stream().filter(c -> sees(user, c))
                .map(c -> c.toView(jurisdictions.nameOf(c.scopeCode()))).toList();
    }

    /** Done / due / overdue per village, for the villages of the caller's scope. */
    @Transactional(readOnly = true)
    public List<VillageProgress> progress(long id, CurrentUser user) {
        Campaign campaign = campaigns.findById(id).filter(c -> sees(user, c))
                .orElseThrow(() -> Refusal.notFound("register.campaign.error.not-found", id));
        String scope = DivisionLevel.of(user.jurisdictionCode()).significantDigits()
                >= DivisionLevel.of(campaign.scopeCode()).significantDigits() ? user.scope().likePattern()
                : JurisdictionScope.of(campaign.scopeCode()).likePattern();
        return visits.progress(campaign.id(), scope, time.now()).stream().map(r -> {
            String village = (String) r[0];
            long total = ((Number) r[1]).longValue();
            long done = ((Number) r[2]).longValue();
            long overdue = ((Number) r[3]).longValue();
            return new VillageProgress(village, jurisdictions.nameOf(village), total, done, total - done - overdue,
                    overdue);
        }).toList();
    }

    /**
     * An entry that comes into force (confirmed or imported) while a campaign covering its village
     * and categories runs joins that campaign: the sweep is of the register as it is during the
     * period, not as it was the day the campaign opened.
     */
    void cameIntoForce(RegisterEntry entry) {
        for (Campaign campaign : campaigns.findByEndsOnGreaterThanEqual(time.today())) {
            boolean inScope = entry.villageCode().startsWith(JurisdictionScope.of(campaign.scopeCode()).prefix());
            boolean inCategories = campaign.categories().isEmpty()
                    || entry.categories().stream().anyMatch(campaign.categories()::contains);
            if (inScope && inCategories && !visits.existsByCampaignIdAndEntryId(campaign.id(), entry.id())) {
                visits.save(new CampaignVisit(campaign.id(), entry.id(), entry.villageCode(), campaign.startsOn(),
                        campaign.endsOn(), schedule.overdueFrom(campaign.endsOn())));
            }
        }
    }

    /**
     * An exited child is no longer visited: its campaign visits still to be made are dropped (so
     * they neither count as due in the progress nor raise CAMPAIGN_VISIT) and escalations about
     * them resolve.
     */
    void exited(long entryId) {
        for (CampaignVisit visit : visits.openOf(entryId)) {
            visits.delete(visit);
            events.publishEvent(new cn.childprotect.cms.shared.deadlines.DeadlineMet(VISIT_DEADLINE, visit.id(),
                    "deadline-met.register-exited"));
        }
    }

    /** A register visit on {@code on} makes the open campaign visits of the entry (Register.recordVisit). */
    void visited(long entryId, LocalDate on, long visitId) {
        for (CampaignVisit visit : visits.openOn(entryId, on)) {
            visit.done(on, visitId);
            events.publishEvent(new cn.childprotect.cms.shared.deadlines.DeadlineMet(VISIT_DEADLINE, visit.id(),
                    "deadline-met.register-visit"));
        }
    }
}
