package cn.childprotect.cms.guardianship;

/** The fields a measure or a step may carry; the tables say which are required where. Names are the API's. */
public enum MeasureField {
    applicant, body, referenceNumber, urgent, occurredAt, decidedAt, validFrom, validUntil, ground, placement, place,
    servedOn, servedAt, committeeNotified, groundsText, newGuardian, revoked, observationUntil, note;

    /** How a form asks for it: datetime, checkbox, placement, ground, textarea or text. */
    public String widget() {
        return switch (this) {
            case occurredAt, decidedAt, validFrom, validUntil, servedAt, observationUntil -> "datetime";
            case urgent, revoked -> "checkbox";
            case placement -> "placement";
            case ground -> "ground";
            case groundsText, note -> "textarea";
            default -> "text";
        };
    }
}
