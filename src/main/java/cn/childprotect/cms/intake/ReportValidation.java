package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.stereotype.Component;

/**
 * The checks of a report before anything is stored: each field error as a message key, all of
 * them at once. The police notification is checked alike when it comes later.
 */
@Component
class ReportValidation {

    private final ReportTaxonomy taxonomy;
    private final Jurisdictions jurisdictions;
    private final ChildRegistry children;
    private final BusinessTime time;

    ReportValidation(ReportTaxonomy taxonomy, Jurisdictions jurisdictions, ChildRegistry children, BusinessTime time) {
        this.taxonomy = taxonomy;
        this.jurisdictions = jurisdictions;
        this.children = children;
        this.time = time;
    }

    void validate(ReportSubmission s, CurrentUser user) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (s.channel() == null && !user.is(Role.REPORTER)) {
            errors.add(err("channel", "intake.error.channel-required"));
        }
        if (s.categories() == null || s.categories().isEmpty()) {
            errors.add(err("categories", "intake.error.category-required"));
        }
        else {
            for (int i = 0; i < s.categories().size(); i++) {
                String code = s.categories().get(i);
                if (taxonomy.category(code).isEmpty()) {
                    errors.add(err("categories[" + i + "]", "intake.error.category-unknown", code));
                }
            }
        }
        if (s.villageCode() == null || !jurisdictions.isKnownVillage(s.villageCode())) {
            errors.add(err("villageCode", "intake.error.village"));
        }
        if (s.narrative() == null || s.narrative().isBlank()) {
            errors.add(err("narrative", "intake.error.narrative-required"));
        }
        else if (s.narrative().length() > 10_000) {
            errors.add(err("narrative", "intake.error.narrative-too-long"));
        }
        Instant latest = time.now().plusSeconds(300);
        if (s.occurredAt() != null && s.occurredAt().isAfter(latest)) {
            errors.add(err("occurredAt", "intake.error.occurred-in-future"));
        }
        errors.addAll(children.validate(s.child(), "child"));
        ReportSubmission.Reporter reporter = s.reporter();
        if (!user.is(Role.REPORTER)) {
            boolean anonymous = reporter == null || reporter.anonymous();
            if (anonymous && s.channel() == Channel.INSTITUTION) {
                errors.add(err("reporter.name", "intake.error.institution-anonymous"));
            }
            if (!anonymous && (reporter.name() == null || reporter.name().isBlank())) {
                errors.add(err("reporter.name", "intake.error.reporter-name-required"));
            }
        }
        if (reporter != null) {
            if (reporter.name() != null && reporter.name().length() > 50) {
                errors.add(err("reporter.name", "intake.error.reporter-name-too-long"));
            }
            if (reporter.phone() != null && !reporter.phone().isBlank() && !reporter.phone().strip().matches("[0-9+\\- ]{5,20}")) {
                errors.add(err("reporter.phone", "intake.error.phone"));
            }
            if (reporter.institutionName() != null && reporter.institutionName().length() > 100) {
                errors.add(err("reporter.institutionName", "intake.error.institution-name-too-long"));
            }
        }
        ReportSubmission.PoliceNotification police = s.police();
        if (police != null && (police.notifiedAt() != null || police.station() != null || police.receiptNumber() != null)) {
            errors.addAll(validatePolice(police, "police"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
    }

    List<Refusal.FieldError> validatePolice(ReportSubmission.PoliceNotification police, String prefix) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (police.notifiedAt() == null) {
            errors.add(err(prefix + ".notifiedAt", "intake.error.police-time-required"));
        }
        else if (police.notifiedAt().isAfter(time.now().plusSeconds(300))) {
            errors.add(err(prefix + ".notifiedAt", "intake.error.police-time-future"));
        }
        if (police.station() == null || police.station().isBlank() || police.station().length() > 100) {
            errors.add(err(prefix + ".station", "intake.error.police-station"));
        }
        if (police.receiptNumber() != null && police.receiptNumber().length() > 50) {
            errors.add(err(prefix + ".receiptNumber", "intake.error.police-receipt-too-long"));
        }
        return errors;
    }

    private static Refusal.FieldError err(String field, String key, Object... args) {
        return new Refusal.FieldError(field, key, args);
    }
}
