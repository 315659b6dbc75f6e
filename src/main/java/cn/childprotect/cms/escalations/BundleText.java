package cn.childprotect.cms.escalations;

import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Text of this module from the message bundle where no MessageSource is at hand: {@link #of} the
 * Chinese of the default bundle, {@link #forReader} the reader's language (the actions of an
 * item). No fallback to the JVM's locale: the default bundle is the Chinese one.
 */
final class BundleText {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private BundleText() {
    }

    static String of(String key) {
        return MESSAGES.containsKey(key) ? MESSAGES.getString(key) : key;
    }

    /** The text in the reader's language (the request's; outside a request the default, Chinese). */
    static String forReader(String key) {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null || context.getLocale() == null ? Locale.ROOT : context.getLocale();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : key;
        }
        catch (java.util.MissingResourceException e) {
            return of(key);
        }
    }
}
