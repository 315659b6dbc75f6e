package cn.childprotect.cms.guardianship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The step tables (docs/domain.md §6.1): every measure that is open can be ended, and every type has its fields. */
class MeasureStepsTableTests {

    @Test
    void everyReachableOpenStatusHasAStepAndEveryOpenTypeCanEnd() {
        for (MeasureType type : MeasureType.values()) {
            Set<MeasureStatus> reached = EnumSet.of(type.initialStatus());
            Deque<MeasureStatus> todo = new ArrayDeque<>(reached);
            while (!todo.isEmpty()) {
                MeasureStatus status = todo.pop();
                var rows = MeasureSteps.from(type, status);
                if (!status.ended()) {
                    assertThat(rows).as("%s in %s has no step: it could never end and would block closure", type,
                            status).isNotEmpty();
                }
                rows.forEach(r -> {
                    if (reached.add(r.target(status))) {
                        todo.push(r.target(status));
                    }
                });
            }
            assertThat(reached).as("%s can end", type).anyMatch(MeasureStatus::ended);
        }
    }

    @Test
    void everyTypeSaysWhatItCarriesAndEachStepIsUniquePerType() {
        for (MeasureType type : MeasureType.values()) {
            assertThat(MeasureSteps.REQUIRED_ON_CREATION).containsKey(type);
            assertThat(MeasureSteps.OPTIONAL_ON_CREATION).containsKey(type);
        }
        assertThat(MeasureSteps.TABLE.stream().map(r -> r.type() + ":" + r.step()).distinct())
                .hasSize(MeasureSteps.TABLE.size());
        // steps that agencies take are the court's decisions and the police's service, nothing else
        assertThat(MeasureSteps.TABLE.stream().filter(r -> r.agency() != null).map(MeasureSteps.Row::step))
                .containsOnly(MeasureStep.GRANT, MeasureStep.REFUSE, MeasureStep.SERVE, MeasureStep.HEAR,
                        MeasureStep.JUDGE);
    }
}
