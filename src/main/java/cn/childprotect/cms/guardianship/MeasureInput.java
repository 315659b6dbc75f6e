package cn.childprotect.cms.guardianship;

import java.time.Instant;

/**
 * The fields a measure or one of its steps may carry (which are required where: {@link MeasureSteps}).
 * {@code body} is the court, police station, ordering body, institution or provider, as the type
 * has it; {@code occurredAt} the date of the act (filed, issued, placed, heard).
 */
public record MeasureInput(String applicant, String body, String referenceNumber, Boolean urgent, Instant occurredAt,
        Instant decidedAt, Instant validFrom, Instant validUntil, String ground, Placement placement, String place,
        String servedOn, Instant servedAt, String committeeNotified, String groundsText, String newGuardian,
        Boolean revoked, Instant observationUntil, String note) {

    public static MeasureInput empty() {
        return new MeasureInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    boolean has(MeasureField field) {
        Object value = switch (field) {
            case applicant -> applicant;
            case body -> body;
            case referenceNumber -> referenceNumber;
            case urgent -> urgent;
            case occurredAt -> occurredAt;
            case decidedAt -> decidedAt;
            case validFrom -> validFrom;
            case validUntil -> validUntil;
            case ground -> ground;
            case placement -> placement;
            case place -> place;
            case servedOn -> servedOn;
            case servedAt -> servedAt;
            case committeeNotified -> committeeNotified;
            case groundsText -> groundsText;
            case newGuardian -> newGuardian;
            case revoked -> revoked;
            case observationUntil -> observationUntil;
            case note -> note;
        };
        return value != null && !(value instanceof String s && s.isBlank());
    }
}
