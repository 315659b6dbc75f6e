package cn.childprotect.cms.escalations;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Chinese text of this module from the default message bundle, for labels built where no
 * MessageSource is at hand (enum constants). No fallback to the JVM's locale: the default
 * bundle is the Chinese one.
 */
final class BundleText {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private BundleText() {
    }

    static String of(String key) {
        return MESSAGES.containsKey(key) ? MESSAGES.getString(key) : key;
    }
}
