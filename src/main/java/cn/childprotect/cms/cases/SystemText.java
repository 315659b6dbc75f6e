package cn.childprotect.cms.cases;

import java.util.List;

/**
 * A sentence the system writes on a case (a reason, a note), kept as its message key and its
 * arguments (values shown as they are: a number, a name) and rendered in the reader's language,
 * where a person's own words are kept as text (docs/domain.md §4).
 */
public record SystemText(String key, List<String> args) {

    public SystemText {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a system text has a message key");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static SystemText of(String key, String... args) {
        return new SystemText(key, List.of(args));
    }
}
