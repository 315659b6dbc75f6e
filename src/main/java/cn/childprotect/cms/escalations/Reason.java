package cn.childprotect.cms.escalations;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why items resolved themselves, as a message: its key and the keys of its arguments (the names of
 * codes, such as a case state), kept on the item and read in the reader's language there and on
 * the timeline (docs/domain.md §4).
 */
record Reason(String key, List<String> argKeys) {

    Reason {
        argKeys = List.copyOf(argKeys);
        if (argKeys.stream().anyMatch(k -> k.contains(","))) {
            throw new IllegalArgumentException("argument keys are kept comma-separated");
        }
    }

    /** The reason with these arguments, each the name of a code (its first message key). */
    static Reason of(String key, MessageSourceResolvable... args) {
        return new Reason(key, java.util.Arrays.stream(args).map(a -> a.getCodes()[0]).toList());
    }

    /** The arguments as kept on the item: their keys, comma-separated (null when none). */
    String storedArgs() {
        return argKeys.isEmpty() ? null : String.join(",", argKeys);
    }

    static Reason stored(String key, String args) {
        return new Reason(key, args == null || args.isEmpty() ? List.of() : List.of(args.split(",")));
    }

    MessageSourceResolvable message() {
        Object[] args = argKeys.stream()
                .map(k -> new DefaultMessageSourceResolvable(new String[] { k }, k)).toArray();
        return new DefaultMessageSourceResolvable(new String[] { key }, args, key);
    }
}
