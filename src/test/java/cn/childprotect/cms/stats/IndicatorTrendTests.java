package cn.childprotect.cms.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** 预警 arithmetic and indicator formulas (docs/domain.md, "Statistics"). */
class IndicatorTrendTests {

    static final IndicatorDefinitions.Definition ACCEPTED = new IndicatorDefinitions.Definition("ACCEPTED_WITHIN_SLA",
            "sla.acceptance.on_time / (sla.acceptance.on_time + sla.acceptance.late)", 0.95,
            IndicatorDefinitions.Direction.HIGHER, 0.2);

    static Double[] months(Double... values) {
        Double[] all = new Double[12];
        System.arraycopy(values, 0, all, 0, values.length);
        return all;
    }

    @Test
    void aFallingTrendWarnsBeforeTheYearEndsThoughTheYearSoFarMeetsTheTarget() {
        // Jan–May: 1.00, 0.99, 0.97, 0.96, 0.95: every month on target so far, but the line falls 1.3 points
        // a month from 0.974 at March: 0.974 - 9 × 0.013 = 0.857 in December
        Double[] monthly = months(1.00, 0.99, 0.97, 0.96, 0.95);
        Double projection = IndicatorTrend.projection(monthly);
        assertThat(projection).isCloseTo(0.857, within(0.0005));
        assertThat(IndicatorTrend.warnings(ACCEPTED, monthly, projection)).containsExactly(IndicatorTrend.PROJECTED_MISS);
    }

    @Test
    void aSteadyTrendOnTargetGivesNoWarning() {
        Double[] monthly = months(0.96, 0.97, 0.96, 0.98);
        assertThat(IndicatorTrend.warnings(ACCEPTED, monthly, IndicatorTrend.projection(monthly))).isEmpty();
    }

    @Test
    void monthlyValuesSwingingBeyondTheBandWarn() {
        Double[] monthly = months(0.99, 0.70, 0.99, null, 0.99);
        assertThat(IndicatorTrend.warnings(ACCEPTED, monthly, null)).containsExactly(IndicatorTrend.VOLATILE);
    }

    @Test
    void aLowerIsBetterIndicatorWarnsOnARisingTrend() {
        var returns = new IndicatorDefinitions.Definition("WORK_ORDER_RETURN_RATE",
                "workorders.returned / workorders.dispatched", 0.1, IndicatorDefinitions.Direction.LOWER, null);
        Double[] monthly = months(0.02, 0.04, 0.06);
        assertThat(IndicatorTrend.projection(monthly)).isCloseTo(0.24, within(1e-9));
        assertThat(IndicatorTrend.warnings(returns, monthly, IndicatorTrend.projection(monthly)))
                .containsExactly(IndicatorTrend.PROJECTED_MISS);
    }

    @Test
    void noProjectionFromFewerThanThreeMonths() {
        assertThat(IndicatorTrend.projection(months(0.5, 0.4))).isNull();
        assertThat(IndicatorTrend.projection(months(0.5, null, 0.4))).isNull();
    }

    @Test
    void formulasFollowPrecedenceAndAreUndefinedWithoutADenominator() {
        Formula f = Formula.parse("a.x / (a.x + a.y) * 100 - 1");
        assertThat(f.measures()).containsExactly("a.x", "a.y");
        assertThat(f.evaluate(Map.of("a.x", 3L, "a.y", 1L))).isEqualTo(74.0);
        assertThat(f.evaluate(Map.of())).isNull();
        assertThatThrownBy(() -> Formula.parse("a.x / (a.y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("a.x ? 2")).isInstanceOf(IllegalArgumentException.class);
    }
}
