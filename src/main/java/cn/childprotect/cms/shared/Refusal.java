package cn.childprotect.cms.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal of the domain, not of HTTP (docs/domain.md §4): what was refused and why, as a
 * message key with arguments, and a stable problem {@code type} ({@link ProblemTypes}) clients
 * may switch on. The web layer turns each kind into its status (one handler for {@code /api/**},
 * one for the pages); the domain never names a status code. A detail may still be a finished
 * sentence instead of a key: the message source then returns it as it is.
 *
 * <p>Kinds: {@link NotFound} (absent or outside the caller's scope: existence is not revealed),
 * {@link NotAllowed} (the role may not), {@link InvalidState} (not in this state, or a conflict),
 * {@link StaleVersion} (someone else changed it since it was read), {@link InvalidInput} (field
 * errors), {@link Unmet} (a rule of another module is not met), {@link BadRequest} (a malformed
 * request with its own type).
 */
public abstract sealed class Refusal extends RuntimeException implements MessageSourceResolvable
        permits Refusal.NotFound, Refusal.NotAllowed, Refusal.InvalidState, Refusal.StaleVersion,
        Refusal.InvalidInput, Refusal.Unmet, Refusal.BadRequest {

    private final String type;
    private final String key;
    private final Object[] args;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<FieldError> fieldErrors = new ArrayList<>();

    Refusal(String type, String key, Object... args) {
        super(key, null, false, false);
        this.type = type;
        this.key = key;
        this.args = args == null ? new Object[0] : args;
    }

    /** Absent, or outside the caller's scope (the two are not told apart). */
    public static NotFound notFound(String key, Object... args) {
        return new NotFound(key, args);
    }

    /** The caller's role may not do this here. */
    public static NotAllowed notAllowed(String key, Object... args) {
        return new NotAllowed(key, args);
    }

    /** Not possible in the current state (or it conflicts with what exists). */
    public static InvalidState invalidState(String type, String key, Object... args) {
        return new InvalidState(type, key, args);
    }

    /** A condition of a rule (often another module's guard) is not met. */
    public static Unmet unmet(String type, String key, Object... args) {
        return new Unmet(type, key, args);
    }

    /** A malformed request that has its own problem type. */
    public static BadRequest badRequest(String type, String key, Object... args) {
        return new BadRequest(type, key, args);
    }

    /** The thing was changed by someone else since the caller read it. */
    public static StaleVersion staleVersion(String key, Object... args) {
        return new StaleVersion(key, args);
    }

    /** One field is wrong. */
    public static InvalidInput invalidField(String field, String key, Object... args) {
        return new InvalidInput(List.of(new FieldError(field, key, args)));
    }

    /** Several fields are wrong at once, so a form can show all of them. */
    public static InvalidInput invalidFields(List<FieldError> errors) {
        return new InvalidInput(errors);
    }

    /** The same, from {@code {field, message}} maps (a message may be a key). */
    public static InvalidInput invalidFieldMaps(List<Map<String, String>> errors) {
        return new InvalidInput(errors.stream().map(e -> new FieldError(e.get("field"), e.get("message"))).toList());
    }

    /** A further fact for the client (e.g. {@code currentStatus}); no personal data. */
    public Refusal with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /**
     * A field this refusal is about, for one of another kind than {@link InvalidInput} (a required
     * header missing): told as the problem's {@code errors} in the caller's language, as a wrong field is.
     */
    public Refusal withFieldError(String field, String key, Object... args) {
        fieldErrors.add(new FieldError(field, key, args));
        return this;
    }

    /** The fields this refusal is about: an {@link InvalidInput}'s errors, else those added by {@link #withFieldError}. */
    public List<FieldError> fieldErrors() {
        return List.copyOf(fieldErrors);
    }

    public String type() {
        return type;
    }

    public String key() {
        return key;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public String[] getCodes() {
        return new String[] { key };
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    /** The key itself: a detail written as a finished sentence is returned unchanged. */
    @Override
    public String getDefaultMessage() {
        return key;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + type + ": " + key + " " + Arrays.toString(args) + "]";
    }

    /** A wrong field: the field's name in the request, and what is wrong as a key with arguments. */
    public record FieldError(String field, String key, Object... args) implements MessageSourceResolvable {

        @Override
        public String[] getCodes() {
            return new String[] { key };
        }

        @Override
        public Object[] getArguments() {
            return args == null ? new Object[0] : args.clone();
        }

        @Override
        public String getDefaultMessage() {
            return key;
        }
    }

    public static final class NotFound extends Refusal {
        NotFound(String key, Object... args) {
            super(ProblemTypes.NOT_FOUND, key, args);
        }
    }

    public static final class NotAllowed extends Refusal {
        NotAllowed(String key, Object... args) {
            super(ProblemTypes.FORBIDDEN, key, args);
        }
    }

    public static final class InvalidState extends Refusal {
        InvalidState(String type, String key, Object... args) {
            super(type, key, args);
        }
    }

    public static final class StaleVersion extends Refusal {
        StaleVersion(String key, Object... args) {
            super(ProblemTypes.STALE_VERSION, key, args);
        }
    }

    public static final class Unmet extends Refusal {
        Unmet(String type, String key, Object... args) {
            super(type, key, args);
        }
    }

    public static final class BadRequest extends Refusal {
        BadRequest(String type, String key, Object... args) {
            super(type, key, args);
        }
    }

    public static final class InvalidInput extends Refusal {

        private final List<FieldError> errors;

        InvalidInput(List<FieldError> errors) {
            super(ProblemTypes.VALIDATION, errors.size() == 1 ? errors.get(0).key() : "problem.validation.fields",
                    errors.size() == 1 ? errors.get(0).getArguments() : new Object[] { errors.size() });
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        @Override
        public List<FieldError> fieldErrors() {
            return errors;
        }
    }
}
