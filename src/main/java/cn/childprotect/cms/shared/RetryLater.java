package cn.childprotect.cms.shared;

/**
 * An expected, passing failure of an outbox listener (a partner's endpoint down, a refusal it
 * will lift): the listener throws it so that the outbox keeps the publication and retries it with
 * backoff. Logged as one WARN line with its message, never as an ERROR with a stack trace, so the
 * message must say what failed and why (status code, cause). Carries no trace of its own.
 */
public class RetryLater extends RuntimeException {

    public RetryLater(String message) {
        super(message, null, false, false);
    }
}
