package cn.childprotect.cms.guardianship;

/** The fields a measure or a step may carry; the tables say which are required where. Names are the API's. */
public enum MeasureField {
    applicant, body, referenceNumber, urgent, occurredAt, decidedAt, validFrom, validUntil, ground, placement, place,
    servedOn, servedAt, committeeNotified, groundsText, newGuardian, revoked, observationUntil, note
}
