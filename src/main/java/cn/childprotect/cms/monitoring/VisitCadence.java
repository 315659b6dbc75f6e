package cn.childprotect.cms.monitoring;

import java.util.Map;

import cn.childprotect.cms.shared.sla.SlaDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The register's visit cadence per tier and the tier review interval, from
 * {@code config/sla-policy.yml} ({@code cms.sla.register}); local practice: RED weekly, ORANGE
 * half-monthly, YELLOW monthly, GREEN quarterly; tiers reviewed every 6 months (ours).
 */
@ConfigurationProperties("cms.sla.register")
public record VisitCadence(Map<RegisterTier, SlaDuration> cadence, SlaDuration tierReview) {

    public VisitCadence {
        cadence = cadence == null || cadence.isEmpty()
                ? Map.of(RegisterTier.RED, SlaDuration.parse("7d"), RegisterTier.ORANGE, SlaDuration.parse("15d"),
                        RegisterTier.YELLOW, SlaDuration.parse("30d"), RegisterTier.GREEN, SlaDuration.parse("90d"))
                : Map.copyOf(cadence);
        tierReview = SlaDuration.orDefault(tierReview, "182d");
        for (RegisterTier tier : RegisterTier.values()) {
            if (!cadence.containsKey(tier)) {
                throw new IllegalStateException("config/sla-policy.yml: cms.sla.register.cadence has no " + tier);
            }
        }
    }

    public SlaDuration of(RegisterTier tier) {
        return cadence.get(tier);
    }
}
