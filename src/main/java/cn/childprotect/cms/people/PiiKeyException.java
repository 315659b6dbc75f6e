package cn.childprotect.cms.people;

/**
 * The PII master key ({@code CMS_PII_KEY}) is missing or unusable. {@link PiiKeyFailureAnalyzer}
 * turns it into a one-line start-up failure that says what to do, instead of a stack trace.
 */
public class PiiKeyException extends IllegalStateException {

    private final String action;

    PiiKeyException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
