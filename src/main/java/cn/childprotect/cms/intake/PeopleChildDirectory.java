package cn.childprotect.cms.intake;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.childprotect.cms.cases.ChildDirectory;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;

import org.springframework.stereotype.Component;

/**
 * Serves the cases module's {@link ChildDirectory} port from the people module. It lives here
 * because intake is where cases and people meet; neither of them depends on the other.
 */
@Component
class PeopleChildDirectory implements ChildDirectory {

    private final ChildRegistry registry;

    PeopleChildDirectory(ChildRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<Long, String> labels(Collection<Long> childIds) {
        Map<Long, String> labels = new LinkedHashMap<>();
        registry.findAll(childIds).forEach(c -> labels.put(c.id(), c.label()));
        return labels;
    }

    @Override
    public Map<Long, String> maskedLabels(Collection<Long> childIds) {
        Map<Long, String> labels = new LinkedHashMap<>();
        registry.findAll(childIds).forEach(c -> labels.put(c.id(), ChildSummary.maskName(c.name())));
        return labels;
    }

    @Override
    public Object childCard(long childId) {
        return registry.find(childId).map(c -> new ChildCard(c, registry.guardiansOf(childId))).orElse(null);
    }

    @Override
    public Optional<LocalDate> birthDate(long childId) {
        return registry.find(childId).map(ChildSummary::birthDate);
    }

    @Override
    public List<Long> matchingChildren(String text, JurisdictionScope scope) {
        if (text.matches("\\d{17}[\\dXx]")) {
            return registry.findChildIdsByIdNumber(text);
        }
        return registry.findChildIdsByName(text, scope);
    }
}
