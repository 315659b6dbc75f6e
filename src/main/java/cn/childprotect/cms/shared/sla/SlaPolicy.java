package cn.childprotect.cms.shared.sla;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadline policy of docs/domain.md §4.1, read from {@code config/sla-policy.yml}. Every value
 * is a {@link SlaDuration} string; the defaults here are the ones docs/domain.md lists (most are
 * "ours", not law) and apply when the file leaves a value out.
 */
@ConfigurationProperties("cms.sla")
public record SlaPolicy(Received received, String emergency, String assessing, String handling,
        Map<String, String> followUpVisit, String pendingClosure, String policeNotification,
        WorkOrder workOrder, String atRiskFirstVisit, String escalationGrace, String reassessment) {

    public SlaPolicy {
        received = received == null ? new Received(null, null, null) : received;
        emergency = orDefault(emergency, "24h");
        assessing = orDefault(assessing, "7d");
        handling = orDefault(handling, "30d");
        followUpVisit = followUpVisit == null || followUpVisit.isEmpty()
                ? Map.of("LOW", "30d", "MEDIUM", "30d", "HIGH", "14d", "CRITICAL", "7d") : Map.copyOf(followUpVisit);
        pendingClosure = orDefault(pendingClosure, "3wd");
        policeNotification = orDefault(policeNotification, "1h");
        workOrder = workOrder == null ? new WorkOrder(null, null, null) : workOrder;
        atRiskFirstVisit = orDefault(atRiskFirstVisit, "5wd");
        escalationGrace = orDefault(escalationGrace, "24h");
        reassessment = orDefault(reassessment, "30d");
        // fail at start, not at the first deadline, when the file has a typo
        for (String value : new String[] { emergency, assessing, handling, pendingClosure, policeNotification,
                atRiskFirstVisit, escalationGrace, reassessment, received.defaultDuration(), received.urgent(),
                workOrder.sign(), workOrder.signEmergency(), workOrder.respond() }) {
            SlaDuration.parse(value);
        }
        received.categories().values().forEach(SlaDuration::parse);
        followUpVisit.values().forEach(SlaDuration::parse);
    }

    public static SlaDuration of(String value) {
        return SlaDuration.parse(value);
    }

    /** RECEIVED → accepted or screened out: urgent beats category, category beats the default. */
    public record Received(String defaultDuration, String urgent, Map<String, String> categories) {
        public Received {
            defaultDuration = orDefault(defaultDuration, "24h");
            urgent = orDefault(urgent, "30m");
            if (categories == null || categories.isEmpty()) {
                categories = Map.of("MR01", "2h", "MR02", "2h", "MR03", "2h", "MR04", "2h", "MR05", "2h",
                        "MR06", "2h", "MR07", "2h", "MR08", "2h", "MR09", "2h", "GD05", "2h");
            }
        }
    }

    public record WorkOrder(String sign, String signEmergency, String respond) {
        public WorkOrder {
            sign = orDefault(sign, "1wd");
            signEmergency = orDefault(signEmergency, "2h");
            respond = orDefault(respond, "5wd");
        }
    }

    /** The follow-up visit interval for a risk level (the MEDIUM/LOW one when no level is known). */
    public SlaDuration followUpVisitFor(String riskLevel) {
        String value = riskLevel == null ? null : followUpVisit.get(riskLevel);
        return SlaDuration.parse(value != null ? value : followUpVisit.getOrDefault("LOW", "30d"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
