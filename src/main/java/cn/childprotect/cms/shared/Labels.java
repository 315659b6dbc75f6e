package cn.childprotect.cms.shared;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The names people read for the domain's codes (states, events, kinds, roles ...), from the
 * {@code messages-domain} bundle under {@code label.<Enum>.<CODE>} (docs/domain.md §4): Chinese by
 * default, English for {@code Accept-Language: en}. Outside a request (the sweep, the mails) the
 * default language, Chinese, is used, as everywhere else in the system.
 */
public final class Labels {

    public static final String BUNDLE = "messages-domain";

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Labels() {
    }

    public static String key(Enum<?> value) {
        return "label." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** The name of a code in the language of the current request. */
    public static String of(Enum<?> value) {
        return of(value, currentLocale());
    }

    public static String of(Enum<?> value, Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, Labels.class.getClassLoader(), NO_FALLBACK)
                    .getString(key(value));
        }
        catch (MissingResourceException e) {
            return value.name();
        }
    }

    /** A text of the domain bundle that is not a code's name (e.g. {@code label.child.unidentified}), in the request's language. */
    public static String text(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, currentLocale(), Labels.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        }
        catch (MissingResourceException e) {
            return key;
        }
    }

    /** The name as a resolvable, for text rendered later in another language (the timeline's record). */
    public static MessageSourceResolvable resolvable(Enum<?> value) {
        return new DefaultMessageSourceResolvable(new String[] { key(value) }, value.name());
    }

    private static Locale currentLocale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}
