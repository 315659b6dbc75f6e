package cn.childprotect.cms.shared.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One countable occurrence, or one duration sample, that a {@link StatsFactSource} derives from a
 * thing it owns (a report, a case, a work order, an escalation, a register entry, a measure).
 * Codes only, never personal data. {@code measure} is a code such as {@code cases.opened} (the
 * measure set is open: a module names its own, prefixed by its module name); {@code day} is the
 * business day the fact counts for; {@code villageCode} the 12-digit division it belongs to.
 * The five dimensions are codes or empty: {@code category} (report category, escalation kind,
 * register category, measure type), {@code channel}, {@code institution} (reporter institution
 * type), {@code state} (current state or outcome), {@code agency}. {@code minutes} is set for
 * duration measures (e.g. receipt to acceptance), null for counts.
 */
public record StatsFact(String measure, LocalDate day, String villageCode, String category, String channel,
        String institution, String state, String agency, Long minutes) {

    public StatsFact {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(day, "day");
        if (villageCode == null || !villageCode.matches("\\d{12}")) {
            throw new IllegalArgumentException("a fact needs a 12-digit division code: " + villageCode);
        }
        if (measure.length() > 40 || !measure.matches("[a-z0-9_.]+")) {
            throw new IllegalArgumentException("measure codes are lower case, at most 40 characters: " + measure);
        }
        category = blankless(category);
        channel = blankless(channel);
        institution = blankless(institution);
        state = blankless(state);
        agency = blankless(agency);
        if (minutes != null && minutes < 0) {
            minutes = 0L;
        }
    }

    /** A count of one, without dimensions; add them with the {@code with*} methods. */
    public static StatsFact count(String measure, LocalDate day, String villageCode) {
        return new StatsFact(measure, day, villageCode, "", "", "", "", "", null);
    }

    public StatsFact withCategory(String value) {
        return new StatsFact(measure, day, villageCode, value, channel, institution, state, agency, minutes);
    }

    public StatsFact withChannel(String value) {
        return new StatsFact(measure, day, villageCode, category, value, institution, state, agency, minutes);
    }

    public StatsFact withInstitution(String value) {
        return new StatsFact(measure, day, villageCode, category, channel, value, state, agency, minutes);
    }

    public StatsFact withState(String value) {
        return new StatsFact(measure, day, villageCode, category, channel, institution, value, agency, minutes);
    }

    public StatsFact withAgency(String value) {
        return new StatsFact(measure, day, villageCode, category, channel, institution, state, value, minutes);
    }

    /** The same dimensions, as a duration sample of another measure. */
    public StatsFact duration(String durationMeasure, long durationMinutes) {
        return new StatsFact(durationMeasure, day, villageCode, category, channel, institution, state, agency,
                durationMinutes);
    }

    /** The same dimensions, as a count of another measure on another day. */
    public StatsFact as(String otherMeasure, LocalDate otherDay) {
        return new StatsFact(otherMeasure, otherDay, villageCode, category, channel, institution, state, agency, null);
    }

    private static String blankless(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > 32) {
            throw new IllegalArgumentException("dimension codes have at most 32 characters: " + value);
        }
        return value;
    }
}
