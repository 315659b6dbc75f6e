package cn.childprotect.cms.stats;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The indicators of config/indicators.yml (docs/domain.md, "Statistics"); checked at start. */
@ConfigurationProperties("cms.stats")
public record IndicatorDefinitions(List<Definition> indicators) {

    public enum Direction { HIGHER, LOWER }

    public record Definition(String code, String formula, double target, Direction direction, Double band) {

        public Definition {
            if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,60}")) {
                throw new IllegalStateException("config/indicators.yml: an indicator needs a code in capitals: " + code);
            }
            Formula.parse(formula); // fail at start on a typo
            direction = direction == null ? Direction.HIGHER : direction;
        }

        Formula parsed() {
            return Formula.parse(formula);
        }

        boolean meets(double value) {
            return direction == Direction.HIGHER ? value >= target : value <= target;
        }
    }

    public IndicatorDefinitions {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        if (indicators.stream().map(Definition::code).distinct().count() != indicators.size()) {
            throw new IllegalStateException("config/indicators.yml: indicator codes must be unique");
        }
    }
}
