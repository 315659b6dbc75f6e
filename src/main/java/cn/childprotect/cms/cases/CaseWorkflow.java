package cn.childprotect.cms.cases;

import static cn.childprotect.cms.cases.CaseEvent.ACCEPT;
import static cn.childprotect.cms.cases.CaseEvent.APPROVE_CLOSURE;
import static cn.childprotect.cms.cases.CaseEvent.COMPLETE_ASSESSMENT;
import static cn.childprotect.cms.cases.CaseEvent.DECLARE_EMERGENCY;
import static cn.childprotect.cms.cases.CaseEvent.MERGE;
import static cn.childprotect.cms.cases.CaseEvent.REJECT_CLOSURE;
import static cn.childprotect.cms.cases.CaseEvent.REOPEN;
import static cn.childprotect.cms.cases.CaseEvent.REQUEST_CLOSURE;
import static cn.childprotect.cms.cases.CaseEvent.SCREEN_OUT;
import static cn.childprotect.cms.cases.CaseEvent.STABILIZE;
import static cn.childprotect.cms.cases.CaseEvent.START_SUPPORT;
import static cn.childprotect.cms.cases.CaseStatus.ASSESSING;
import static cn.childprotect.cms.cases.CaseStatus.CLOSED;
import static cn.childprotect.cms.cases.CaseStatus.EMERGENCY;
import static cn.childprotect.cms.cases.CaseStatus.HANDLING;
import static cn.childprotect.cms.cases.CaseStatus.MERGED;
import static cn.childprotect.cms.cases.CaseStatus.PENDING_CLOSURE;
import static cn.childprotect.cms.cases.CaseStatus.RECEIVED;
import static cn.childprotect.cms.cases.CaseStatus.SCREENED_OUT;
import static cn.childprotect.cms.cases.CaseStatus.SUPPORTING;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.statemachine.transition.Transition;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The transition table of docs/domain.md §4, run by spring-statemachine-core. The library is
 * unmaintained, so it stays behind this one package-private class: the database row is the
 * source of truth, and each command restores a fresh machine to the stored state, sends the
 * event and reads where it ended. Guards and permissions are checked by the caller before.
 */
@Component
class CaseWorkflow {

    private record Edge(Set<CaseStatus> from, CaseEvent event, CaseStatus to) {
    }

    private static final List<Edge> TABLE = List.of(
            new Edge(EnumSet.of(RECEIVED), ACCEPT, ASSESSING),
            new Edge(EnumSet.of(RECEIVED, ASSESSING, HANDLING, SUPPORTING), DECLARE_EMERGENCY, EMERGENCY),
            new Edge(EnumSet.of(EMERGENCY), STABILIZE, ASSESSING),
            new Edge(EnumSet.of(ASSESSING), COMPLETE_ASSESSMENT, HANDLING),
            new Edge(EnumSet.of(HANDLING), START_SUPPORT, SUPPORTING),
            new Edge(EnumSet.of(HANDLING, SUPPORTING), REQUEST_CLOSURE, PENDING_CLOSURE),
            new Edge(EnumSet.of(PENDING_CLOSURE), APPROVE_CLOSURE, CLOSED),
            new Edge(EnumSet.of(PENDING_CLOSURE), REJECT_CLOSURE, SUPPORTING),
            new Edge(EnumSet.of(RECEIVED, ASSESSING), SCREEN_OUT, SCREENED_OUT),
            new Edge(EnumSet.of(RECEIVED), MERGE, MERGED),
            new Edge(EnumSet.of(CLOSED, SCREENED_OUT), REOPEN, ASSESSING));

    /** Read back from a built machine, so the table above is the only place transitions are written. */
    private final Map<CaseStatus, Set<CaseEvent>> eventsByState;

    CaseWorkflow() {
        Map<CaseStatus, Set<CaseEvent>> byState = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            byState.put(status, EnumSet.noneOf(CaseEvent.class));
        }
        for (Transition<CaseStatus, CaseEvent> transition : build().getTransitions()) {
            byState.get(transition.getSource().getId()).add(transition.getTrigger().getEvent());
        }
        byState.replaceAll((status, events) -> Collections.unmodifiableSet(events));
        this.eventsByState = Collections.unmodifiableMap(byState);
    }

    /** The events that have a transition out of this state. */
    Set<CaseEvent> eventsFrom(CaseStatus status) {
        return eventsByState.get(status);
    }

    /** Fires the event on a machine restored to {@code current}; empty when the machine refuses it. */
    Optional<CaseStatus> fire(CaseStatus current, CaseEvent event) {
        StateMachine<CaseStatus, CaseEvent> machine = build();
        machine.getStateMachineAccessor().doWithAllRegions(access -> access
                .resetStateMachineReactively(new DefaultStateMachineContext<>(current, null, null, null)).block());
        machine.startReactively().block();
        try {
            List<StateMachineEventResult<CaseStatus, CaseEvent>> results = machine
                    .sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).collectList().block();
            boolean accepted = results != null && !results.isEmpty()
                    && results.stream().allMatch(r -> r.getResultType() == ResultType.ACCEPTED);
            CaseStatus after = machine.getState().getId();
            // a refused guard still says ACCEPTED with the state unchanged (see STACK.md): both mean "no"
            return accepted && after != current ? Optional.of(after) : Optional.empty();
        }
        finally {
            machine.stopReactively().block();
        }
    }

    private static StateMachine<CaseStatus, CaseEvent> build() {
        try {
            StateMachineBuilder.Builder<CaseStatus, CaseEvent> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            builder.configureStates().withStates().initial(RECEIVED).states(EnumSet.allOf(CaseStatus.class));
            var transitions = builder.configureTransitions();
            for (Edge edge : TABLE) {
                for (CaseStatus source : edge.from()) {
                    ExternalTransitionConfigurer<CaseStatus, CaseEvent> external = transitions.withExternal();
                    external.source(source).target(edge.to()).event(edge.event());
                }
            }
            return builder.build();
        }
        catch (Exception e) {
            throw new IllegalStateException("The case state machine could not be built", e);
        }
    }
}
