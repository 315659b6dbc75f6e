package cn.childprotect.cms.cases;

import java.util.Arrays;
import java.util.List;

/**
 * The response priority the system proposes (docs/domain.md §8) and the factors that made it, each
 * {@code CODE:arg:arg} (e.g. {@code CATEGORY:MR01:IMMEDIATE}, {@code URGENT:IMMEDIATE},
 * {@code YOUNG_CHILD:4:6:H24}, {@code DEFAULT:D5}); {@link CaseScreening} renders them as sentences.
 */
public record PriorityProposal(ResponsePriority priority, List<String> factors) {

    public PriorityProposal {
        factors = List.copyOf(factors);
    }

    String encodedBasis() {
        return String.join(";", factors);
    }

    static List<String> decode(String basis) {
        return basis == null || basis.isBlank() ? List.of() : Arrays.asList(basis.split(";"));
    }
}
