package cn.childprotect.cms.cases;


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
 * The transition table of docs/domain.md §4 ({@link CaseTransitions}), run by spring-statemachine-core. The library is
 * unmaintained, so it stays behind this one package-private class: the database row is the
 * source of truth, and each command restores a fresh machine to the stored state, sends the
 * event and reads where it ended. Guards and permissions are checked by the caller before.
 */
@Component
class CaseWorkflow {

    /** Read back from a built machine, so the table above is the only place transitions are written. */
    private final Map<CaseStatus, Set<CaseEvent>> eventsByState;

    /**
     * Where each event leads from each state, read back from the same machine once: the machine has
     * no guards or actions, so firing an event on a fresh machine restored to a state always ends
     * in the target of the first transition for that state and event (CaseWorkflowTests checks
     * every pair against a fresh machine). Before, {@link #fire} built, started and stopped a
     * machine per command — half of the CPU of an ACCEPT request (README, Performance).
     */
    private final Map<CaseStatus, Map<CaseEvent, CaseStatus>> targets;

    CaseWorkflow() {
        Map<CaseStatus, Set<CaseEvent>> byState = new EnumMap<>(CaseStatus.class);
        Map<CaseStatus, Map<CaseEvent, CaseStatus>> to = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            byState.put(status, EnumSet.noneOf(CaseEvent.class));
            to.put(status, new EnumMap<>(CaseEvent.class));
        }
        for (Transition<CaseStatus, CaseEvent> transition : build().getTransitions()) {
            CaseStatus source = transition.getSource().getId();
            byState.get(source).add(transition.getTrigger().getEvent());
            to.get(source).putIfAbsent(transition.getTrigger().getEvent(), transition.getTarget().getId());
        }
        byState.replaceAll((status, events) -> Collections.unmodifiableSet(events));
        to.replaceAll((status, events) -> Collections.unmodifiableMap(events));
        this.eventsByState = Collections.unmodifiableMap(byState);
        this.targets = Collections.unmodifiableMap(to);
    }

    /** The events that have a transition out of this state. */
    Set<CaseEvent> eventsFrom(CaseStatus status) {
        return eventsByState.get(status);
    }

    /** Where the event leads from {@code current}; empty when the table has no such transition. */
    Optional<CaseStatus> fire(CaseStatus current, CaseEvent event) {
        CaseStatus after = targets.get(current).get(event);
        return after != null && after != current ? Optional.of(after) : Optional.empty();
    }

    /** Fires the event on a fresh machine restored to {@code current}, as {@link #fire} did before (the reference for tests). */
    static Optional<CaseStatus> fireOnFreshMachine(CaseStatus current, CaseEvent event) {
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
            builder.configureStates().withStates().initial(CaseStatus.RECEIVED).states(EnumSet.allOf(CaseStatus.class));
            var transitions = builder.configureTransitions();
            for (CaseTransitions.Row edge : CaseTransitions.TABLE) {
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
