package cn.childprotect.cms.people;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up without a usable {@code CMS_PII_KEY}: Boot prints the description and the action
 * (registered in {@code META-INF/spring.factories}) and exits, without the bean-creation trace.
 */
class PiiKeyFailureAnalyzer extends AbstractFailureAnalyzer<PiiKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PiiKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
