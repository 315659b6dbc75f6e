package cn.childprotect.cms.guardianship;

import java.util.EnumSet;
import java.util.Set;

import cn.childprotect.cms.shared.Labels;

/**
 * The documents county staff file or send for a measure (docs/domain.md "Guardianship
 * intervention", Documents): each from a template in {@code config/documents/}, for its types.
 */
public enum DocumentKind {
    PROTECTION_ORDER_APPLICATION("protection-order-application.txt", EnumSet.of(MeasureType.PROTECTION_ORDER)),
    REVOCATION_APPLICATION("guardianship-revocation-application.txt",
            EnumSet.of(MeasureType.GUARDIANSHIP_REVOCATION)),
    PLACEMENT_NOTICE("temporary-guardianship-notice.txt",
            EnumSet.of(MeasureType.TEMPORARY_GUARDIANSHIP, MeasureType.SHELTER));

    private final String template;
    private final Set<MeasureType> types;

    DocumentKind(String template, Set<MeasureType> types) {
        this.template = template;
        this.types = types;
    }

    String template() {
        return template;
    }

    public boolean isFor(MeasureType type) {
        return types.contains(type);
    }

    public String label() {
        return Labels.of(this);
    }
}
