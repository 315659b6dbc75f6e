package cn.childprotect.cms.cases;

import cn.childprotect.cms.shared.Labels;

/**
 * How fast someone must see the child after a report is accepted (docs/domain.md §8, 受理研判): the
 * deadline of the first face-to-face contact (首次见面核实). Most urgent first; the durations are
 * configuration ({@code cms.screening.priorities}), by default 2 h, 24 h, 3 days and 5 days (ours).
 */
public enum ResponsePriority {
    IMMEDIATE,
    H24,
    D3,
    D5;

    public String label() {
        return Labels.of(this);
    }

    /** The more urgent of the two. */
    ResponsePriority mostUrgent(ResponsePriority other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }

    /** One or more levels more urgent, at most IMMEDIATE. */
    ResponsePriority raisedBy(int levels) {
        return values()[Math.max(0, ordinal() - Math.max(0, levels))];
    }
}
