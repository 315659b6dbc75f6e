package cn.childprotect.cms.support;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.TransitionGuard;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A guard the tests can arm for one case and one event, to check how the workflow refuses an
 * event whose condition (owned by another module) is not met. Unarmed, it says nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestGuards {

    private static final Map<String, String> ARMED = new ConcurrentHashMap<>();

    public static void arm(long caseId, CaseEvent event, String unmetCondition) {
        ARMED.put(caseId + ":" + event, unmetCondition);
    }

    public static void disarm(long caseId, CaseEvent event) {
        ARMED.remove(caseId + ":" + event);
    }

    @Bean
    TransitionGuard armedTestGuard() {
        return new TransitionGuard() {

            @Override
            public Set<CaseEvent> events() {
                return EnumSet.allOf(CaseEvent.class);
            }

            @Override
            public Optional<Unmet> unmetCondition(long caseId, CaseEvent event) {
                return Optional.ofNullable(ARMED.get(caseId + ":" + event)).map(Unmet::new);
            }
        };
    }
}
