package cn.childprotect.cms.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * The base of an aggregate that owns its transitions (as spring-restbucks' {@code Order}): each
 * transition method checks its rule, changes the state and registers the past-tense events it
 * causes; the repository publishes them when the aggregate is saved ({@code save*}), inside the
 * command's transaction, so synchronous listeners (the case timeline) and the event publication
 * registry see them exactly as if the facade had published them. Like Spring Data's
 * {@code AbstractAggregateRoot}, except that an event may be built only at publication: a new
 * aggregate's id is known once the repository stored it (our ids are database identities).
 */
public abstract class AggregateRoot {

    private final transient List<Supplier<?>> events = new ArrayList<>();

    /** An event to publish on the next save. */
    protected final void registerEvent(Object event) {
        events.add(() -> event);
    }

    /** An event built when the next save publishes it, e.g. one that names the id the save assigns. */
    protected final void registerEventOnSave(Supplier<?> event) {
        events.add(event);
    }

    /**
     * Built anew at each call: Spring Data calls it again after publishing and refuses the save
     * when a listener registered further events on this same instance meanwhile.
     */
    @DomainEvents
    protected Collection<Object> domainEvents() {
        List<Object> built = new ArrayList<>(events.size());
        events.forEach(event -> built.add(event.get()));
        return built;
    }

    @AfterDomainEventPublication
    protected void clearDomainEvents() {
        events.clear();
    }
}
