package cn.childprotect.cms.guardianship.events;

/** A measure was recorded on a case (its type's code only). */
public record MeasureRecorded(long measureId, long stepId, long caseId, String type, String status) {
}
