package cn.childprotect.cms.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.childprotect.cms.intake.ReportTaxonomy;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.UserDirectory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for the pages ({@code ${@uiFormat.time(...)}}): local time of the county, overdue
 * marks, people by their names.
 */
@Component("uiFormat")
class UiFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BusinessTime time;
    private final ReportTaxonomy taxonomy;
    private final MessageSource messages;
    private final UserDirectory users;

    UiFormat(BusinessTime time, ReportTaxonomy taxonomy, MessageSource messages, UserDirectory users) {
        this.time = time;
        this.taxonomy = taxonomy;
        this.messages = messages;
        this.users = users;
    }

    /**
     * An assignee or actor as people know them: the account's display name (a username such as
     * "director1" says little to a supervisor); the username where there is no account.
     */
    public String person(String username) {
        return users.displayNameOf(username);
    }

    /** Report categories as a person reads them: the name, with the code beside it for experts. */
    public String categories(Collection<String> codes) {
        Locale locale = LocaleContextHolder.getLocale();
        String separator = messages.getMessage("timeline.list-separator", null, ", ", locale);
        return codes == null ? "" : codes.stream().sorted()
                .map(code -> messages.getMessage("ui.format.category", new Object[] { taxonomy.nameOf(code, locale), code },
                        code, locale))
                .collect(Collectors.joining(separator));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(time.zone()));
    }

    public boolean overdue(Instant deadline) {
        return deadline != null && deadline.isBefore(time.now());
    }
}
