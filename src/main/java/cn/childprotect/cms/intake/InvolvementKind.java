package cn.childprotect.cms.intake;

import cn.childprotect.cms.shared.Labels;

/** What an entry of the history of involvement is (docs/domain.md §8). */
public enum InvolvementKind {
    REPORT,
    CASE,
    /** an at-risk register entry (monitoring, through an {@link InvolvementSource}) */
    REGISTER_ENTRY,
    /** a guardianship measure (through an {@link InvolvementSource}) */
    MEASURE;

    public String label() {
        return Labels.of(this);
    }
}
