package cn.childprotect.cms.guardianship;

import static cn.childprotect.cms.guardianship.MeasureField.applicant;
import static cn.childprotect.cms.guardianship.MeasureField.body;
import static cn.childprotect.cms.guardianship.MeasureField.decidedAt;
import static cn.childprotect.cms.guardianship.MeasureField.ground;
import static cn.childprotect.cms.guardianship.MeasureField.groundsText;
import static cn.childprotect.cms.guardianship.MeasureField.note;
import static cn.childprotect.cms.guardianship.MeasureField.observationUntil;
import static cn.childprotect.cms.guardianship.MeasureField.occurredAt;
import static cn.childprotect.cms.guardianship.MeasureField.place;
import static cn.childprotect.cms.guardianship.MeasureField.placement;
import static cn.childprotect.cms.guardianship.MeasureField.referenceNumber;
import static cn.childprotect.cms.guardianship.MeasureField.revoked;
import static cn.childprotect.cms.guardianship.MeasureField.servedAt;
import static cn.childprotect.cms.guardianship.MeasureField.servedOn;
import static cn.childprotect.cms.guardianship.MeasureField.validUntil;
import static cn.childprotect.cms.guardianship.MeasureStatus.ACTIVE;
import static cn.childprotect.cms.guardianship.MeasureStatus.CLOSED;
import static cn.childprotect.cms.guardianship.MeasureStatus.CONVERTED;
import static cn.childprotect.cms.guardianship.MeasureStatus.ENDED;
import static cn.childprotect.cms.guardianship.MeasureStatus.EXPIRED;
import static cn.childprotect.cms.guardianship.MeasureStatus.FILED;
import static cn.childprotect.cms.guardianship.MeasureStatus.GRANTED;
import static cn.childprotect.cms.guardianship.MeasureStatus.HEARD;
import static cn.childprotect.cms.guardianship.MeasureStatus.ISSUED;
import static cn.childprotect.cms.guardianship.MeasureStatus.JUDGED;
import static cn.childprotect.cms.guardianship.MeasureStatus.OBSERVING;
import static cn.childprotect.cms.guardianship.MeasureStatus.PREPARED;
import static cn.childprotect.cms.guardianship.MeasureStatus.RECONSIDERING;
import static cn.childprotect.cms.guardianship.MeasureStatus.REFUSED;
import static cn.childprotect.cms.guardianship.MeasureStatus.RESTORED;
import static cn.childprotect.cms.guardianship.MeasureStatus.REVOKED;
import static cn.childprotect.cms.guardianship.MeasureStatus.SERVED;
import static cn.childprotect.cms.guardianship.MeasureStatus.STARTED;
import static cn.childprotect.cms.guardianship.MeasureStatus.WITHDRAWN;
import static cn.childprotect.cms.guardianship.MeasureType.FAMILY_EDUCATION_ORDER;
import static cn.childprotect.cms.guardianship.MeasureType.GUARDIANSHIP_REVOCATION;
import static cn.childprotect.cms.guardianship.MeasureType.LEGAL_AID;
import static cn.childprotect.cms.guardianship.MeasureType.PROTECTION_ORDER;
import static cn.childprotect.cms.guardianship.MeasureType.SHELTER;
import static cn.childprotect.cms.guardianship.MeasureType.TEMPORARY_GUARDIANSHIP;
import static cn.childprotect.cms.guardianship.MeasureType.WARNING_LETTER;

import java.util.Collections;

import cn.childprotect.cms.agencies.AgencyType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The step tables of the measure types (docs/domain.md "Guardianship intervention"): per type and
 * step, the statuses it may be taken from, the status it leads to ({@code null}: the status
 * stays, e.g. a review), whose step it is and which fields it requires. {@link MeasureDesk#take}
 * runs every step from here; {@link #REQUIRED_ON_CREATION} says what each type needs when it is
 * recorded.
 */
public final class MeasureSteps {

    /** Who may take a step. */
    public enum Who {
        /** The assigned child director or a supervisor whose scope contains the case. */
        WORKER,
        /** Only a supervisor whose scope contains the case. */
        SUPERVISOR
    }

    /**
     * A row: {@code agency} is the type of agency whose staff may also take the step, through an
     * open work order of their agency on the case (a court records its decision, the police serve a
     * 告诫书); null when only the case's workers may.
     */
    public record Row(MeasureType type, MeasureStep step, Set<MeasureStatus> from, MeasureStatus to, Who who,
            Set<MeasureField> required, AgencyType agency) {

        public Row {
            from = Collections.unmodifiableSet(EnumSet.copyOf(from));
            required = required.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(required));
        }

        /** The status after the step. */
        public MeasureStatus target(MeasureStatus current) {
            return to == null ? current : to;
        }
    }

    private static Row row(MeasureType type, MeasureStep step, Set<MeasureStatus> from, MeasureStatus to, Who who,
            MeasureField... required) {
        return new Row(type, step, from, to, who, required.length == 0 ? Set.of() : EnumSet.of(required[0], required),
                null);
    }

    private static Row byAgency(AgencyType agency, MeasureType type, MeasureStep step, Set<MeasureStatus> from,
            MeasureStatus to, MeasureField... required) {
        Row row = row(type, step, from, to, Who.WORKER, required);
        return new Row(type, step, row.from(), to, Who.WORKER, row.required(), agency);
    }

    public static final List<Row> TABLE = List.of(
            // 人身安全保护令 (反家暴法 art. 23–32): decision, 复议 within 5 days, validity, review, lapse
            byAgency(AgencyType.COURT, PROTECTION_ORDER, MeasureStep.GRANT, EnumSet.of(FILED, RECONSIDERING), GRANTED,
                    decidedAt, validUntil),
            byAgency(AgencyType.COURT, PROTECTION_ORDER, MeasureStep.REFUSE, EnumSet.of(FILED), REFUSED, decidedAt),
            row(PROTECTION_ORDER, MeasureStep.RECONSIDER, EnumSet.of(REFUSED), RECONSIDERING, Who.WORKER),
            row(PROTECTION_ORDER, MeasureStep.CONFIRM_REFUSAL, EnumSet.of(RECONSIDERING), CLOSED, Who.WORKER, note),
            row(PROTECTION_ORDER, MeasureStep.CLOSE, EnumSet.of(REFUSED), CLOSED, Who.WORKER, note),
            row(PROTECTION_ORDER, MeasureStep.REVIEW, EnumSet.of(GRANTED), null, Who.WORKER, note),
            row(PROTECTION_ORDER, MeasureStep.EXTEND, EnumSet.of(GRANTED), null, Who.WORKER, decidedAt, validUntil),
            row(PROTECTION_ORDER, MeasureStep.REVOKE, EnumSet.of(GRANTED), REVOKED, Who.WORKER, note),
            row(PROTECTION_ORDER, MeasureStep.EXPIRE, EnumSet.of(GRANTED), EXPIRED, Who.WORKER),
            // 告诫书 (反家暴法 art. 16–17): served, village committee notified, 查访 checks
            byAgency(AgencyType.PUBLIC_SECURITY, WARNING_LETTER, MeasureStep.SERVE, EnumSet.of(ISSUED), SERVED, servedOn,
                    servedAt),
            row(WARNING_LETTER, MeasureStep.CHECK, EnumSet.of(SERVED), null, Who.WORKER, note),
            row(WARNING_LETTER, MeasureStep.CLOSE, EnumSet.of(ISSUED, SERVED), CLOSED, Who.WORKER, note),
            // 临时庇护 / 紧急安置 (反家暴法 art. 18; 未保法 art. 93)
            row(SHELTER, MeasureStep.REVIEW, EnumSet.of(STARTED), null, Who.WORKER, note),
            row(SHELTER, MeasureStep.END, EnumSet.of(STARTED), ENDED, Who.WORKER, note),
            // 临时监护 (未保法 art. 92–93): reviews; a supervisor ends it (guardian fit again) or converts it
            row(TEMPORARY_GUARDIANSHIP, MeasureStep.REVIEW, EnumSet.of(STARTED), null, Who.WORKER, note),
            row(TEMPORARY_GUARDIANSHIP, MeasureStep.END, EnumSet.of(STARTED), ENDED, Who.SUPERVISOR, note),
            row(TEMPORARY_GUARDIANSHIP, MeasureStep.CONVERT, EnumSet.of(STARTED), CONVERTED, Who.SUPERVISOR, note),
            // 撤销监护人资格 (民法典 art. 36; 未保法 art. 108), then 恢复 (民法典 art. 38) with its observation period
            row(GUARDIANSHIP_REVOCATION, MeasureStep.FILE, EnumSet.of(PREPARED), FILED, Who.WORKER, occurredAt, body),
            byAgency(AgencyType.COURT, GUARDIANSHIP_REVOCATION, MeasureStep.HEAR, EnumSet.of(FILED, HEARD), HEARD,
                    occurredAt),
            byAgency(AgencyType.COURT, GUARDIANSHIP_REVOCATION, MeasureStep.JUDGE, EnumSet.of(FILED, HEARD), JUDGED,
                    decidedAt, revoked),
            row(GUARDIANSHIP_REVOCATION, MeasureStep.APPLY_RESTORATION, EnumSet.of(JUDGED), OBSERVING, Who.WORKER,
                    observationUntil),
            row(GUARDIANSHIP_REVOCATION, MeasureStep.RESTORE, EnumSet.of(OBSERVING), RESTORED, Who.WORKER, note),
            row(GUARDIANSHIP_REVOCATION, MeasureStep.CLOSE, EnumSet.of(OBSERVING), CLOSED, Who.WORKER, note),
            row(GUARDIANSHIP_REVOCATION, MeasureStep.WITHDRAW, EnumSet.of(PREPARED, FILED, HEARD), WITHDRAWN,
                    Who.WORKER, note),
            // orders with sessions, and legal aid: logged until closed
            row(FAMILY_EDUCATION_ORDER, MeasureStep.LOG, EnumSet.of(ACTIVE), null, Who.WORKER, note),
            row(FAMILY_EDUCATION_ORDER, MeasureStep.CLOSE, EnumSet.of(ACTIVE), CLOSED, Who.WORKER, note),
            row(LEGAL_AID, MeasureStep.LOG, EnumSet.of(ACTIVE), null, Who.WORKER, note),
            row(LEGAL_AID, MeasureStep.CLOSE, EnumSet.of(ACTIVE), CLOSED, Who.WORKER, note));

    /** What a type must carry when it is recorded (its own fields, DOMAIN.md §6.1 "tracked"). */
    public static final Map<MeasureType, Set<MeasureField>> REQUIRED_ON_CREATION = Map.of(
            MeasureType.ADMONITION, EnumSet.of(body, occurredAt),
            MeasureType.REPRIMAND, EnumSet.of(body, occurredAt),
            FAMILY_EDUCATION_ORDER, EnumSet.of(body, occurredAt),
            WARNING_LETTER, EnumSet.of(body, referenceNumber, occurredAt),
            SHELTER, EnumSet.of(place, occurredAt),
            TEMPORARY_GUARDIANSHIP, EnumSet.of(ground, placement, place, occurredAt),
            MeasureType.LONG_TERM_GUARDIANSHIP, EnumSet.of(ground, body, occurredAt),
            PROTECTION_ORDER, EnumSet.of(applicant, body, occurredAt),
            GUARDIANSHIP_REVOCATION, EnumSet.of(applicant, body, groundsText),
            LEGAL_AID, EnumSet.of(body, referenceNumber));

    /** What a type may carry besides its required fields when it is recorded (the forms offer both). */
    public static final Map<MeasureType, List<MeasureField>> OPTIONAL_ON_CREATION = Map.of(
            MeasureType.ADMONITION, List.of(note),
            MeasureType.REPRIMAND, List.of(referenceNumber, note),
            FAMILY_EDUCATION_ORDER, List.of(referenceNumber, note),
            WARNING_LETTER, List.of(note),
            SHELTER, List.of(MeasureField.validUntil, note),
            TEMPORARY_GUARDIANSHIP, List.of(note),
            MeasureType.LONG_TERM_GUARDIANSHIP, List.of(note),
            PROTECTION_ORDER, List.of(MeasureField.urgent, groundsText, note),
            GUARDIANSHIP_REVOCATION, List.of(note),
            LEGAL_AID, List.of(note));

    /** The fields a step's form offers: its required ones, then the optional note. */
    public static List<MeasureField> formFields(Row row) {
        List<MeasureField> fields = new java.util.ArrayList<>(row.required());
        if (row.step() == MeasureStep.GRANT) {
            fields.add(1, MeasureField.validFrom);
        }
        if (row.step() == MeasureStep.SERVE) {
            fields.add(MeasureField.committeeNotified);
        }
        if (row.step() == MeasureStep.JUDGE) {
            fields.add(MeasureField.newGuardian);
            fields.add(MeasureField.referenceNumber);
        }
        if (!fields.contains(note)) {
            fields.add(note);
        }
        return fields;
    }

    /** The fields a type's creation form offers: required first, then optional. */
    public static List<MeasureField> formFields(MeasureType type) {
        List<MeasureField> fields = new java.util.ArrayList<>(REQUIRED_ON_CREATION.get(type));
        fields.addAll(OPTIONAL_ON_CREATION.get(type));
        return fields;
    }

    private MeasureSteps() {
    }

    public static Optional<Row> find(MeasureType type, MeasureStep step) {
        return TABLE.stream().filter(r -> r.type() == type && r.step() == step).findFirst();
    }

    /** The steps of a type that may be taken from a status (for the forms). */
    public static List<Row> from(MeasureType type, MeasureStatus status) {
        return TABLE.stream().filter(r -> r.type() == type && r.from().contains(status)).toList();
    }
}
