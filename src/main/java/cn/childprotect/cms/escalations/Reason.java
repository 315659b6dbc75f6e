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
    }

    /** The reason with these arguments, each the name of a code (its first message key). */
    static Reason of(String key, MessageSourceResolvable... args) {
        return new Reason(key, java.util.Arrays.stream(args).map(a -> a.getCodes()[0]).toList());
    }

    MessageSourceResolvable message() {
        Object[] args = argKeys.stream()
                .map(k -> new DefaultMessageSourceResolvable(new String[] { k }, k)).toArray();
        return new DefaultMessageSourceResolvable(new String[] { key }, args, key);
    }
}
