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
public record VisitCadence(Map<RegisterTier, String> cadence, String tierReview) {

    public VisitCadence {
        cadence = cadence == null || cadence.isEmpty()
                ? Map.of(RegisterTier.RED, "7d", RegisterTier.ORANGE, "15d", RegisterTier.YELLOW, "30d",
                        RegisterTier.GREEN, "90d")
                : Map.copyOf(cadence);
        tierReview = tierReview == null || tierReview.isBlank() ? "182d" : tierReview;
        for (RegisterTier tier : RegisterTier.values()) {
            if (!cadence.containsKey(tier)) {
                throw new IllegalStateException("config/sla-policy.yml: cms.sla.register.cadence has no " + tier);
            }
        }
        cadence.values().forEach(SlaDuration::parse);
        SlaDuration.parse(tierReview);
    }

    public SlaDuration of(RegisterTier tier) {
        return SlaDuration.parse(cadence.get(tier));
    }
}
