package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.Labels;

/**
 * The measure types of docs/domain.md "Guardianship intervention" (DOMAIN.md §6.1) and the status
 * each starts in. One-off acts (劝阻、训诫, the record of a long-term guardianship) start ended:
 * they never block closure.
 */
public enum MeasureType {
    ADMONITION(MeasureStatus.RECORDED),
    REPRIMAND(MeasureStatus.RECORDED),
    FAMILY_EDUCATION_ORDER(MeasureStatus.ACTIVE),
    WARNING_LETTER(MeasureStatus.ISSUED),
    SHELTER(MeasureStatus.STARTED),
    TEMPORARY_GUARDIANSHIP(MeasureStatus.STARTED),
    LONG_TERM_GUARDIANSHIP(MeasureStatus.RECORDED),
    PROTECTION_ORDER(MeasureStatus.FILED),
    GUARDIANSHIP_REVOCATION(MeasureStatus.PREPARED),
    LEGAL_AID(MeasureStatus.ACTIVE);

    private final MeasureStatus initial;

    MeasureType(MeasureStatus initial) {
        this.initial = initial;
    }

    public MeasureStatus initialStatus() {
        return initial;
    }

    /** 临时监护 and 紧急安置 take the child out of the home: on a RECEIVED/ASSESSING case they offer DECLARE_EMERGENCY. */
    public boolean removesChild() {
        return this == TEMPORARY_GUARDIANSHIP || this == SHELTER;
    }

    public String label() {
        return Labels.of(this);
    }
}
