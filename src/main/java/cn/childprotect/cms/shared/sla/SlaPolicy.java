package cn.childprotect.cms.shared.sla;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import static cn.childprotect.cms.shared.sla.SlaDuration.orDefault;

/**
 * The deadline policy of docs/domain.md §4.1, read from {@code config/sla-policy.yml}. Every value
 * is bound as a {@link SlaDuration} (a typo fails at start); the defaults here are the ones
 * docs/domain.md lists (most are "ours", not law) and apply when the file leaves a value out.
 */
@ConfigurationProperties("cms.sla")
public record SlaPolicy(Received received, SlaDuration emergency, SlaDuration assessing, SlaDuration handling,
        Map<String, SlaDuration> followUpVisit, SlaDuration pendingClosure, SlaDuration policeNotification,
        WorkOrder workOrder, SlaDuration atRiskFirstVisit, SlaDuration escalationGrace, SlaDuration reassessment) {

    public SlaPolicy {
        received = received == null ? new Received(null, null, null) : received;
        emergency = orDefault(emergency, "24h");
        assessing = orDefault(assessing, "7d");
        handling = orDefault(handling, "30d");
        followUpVisit = followUpVisit == null || followUpVisit.isEmpty()
                ? Map.of("LOW", SlaDuration.parse("30d"), "MEDIUM", SlaDuration.parse("30d"), "HIGH",
                        SlaDuration.parse("14d"), "CRITICAL", SlaDuration.parse("7d"))
                : Map.copyOf(followUpVisit);
        pendingClosure = orDefault(pendingClosure, "3wd");
        policeNotification = orDefault(policeNotification, "1h");
        workOrder = workOrder == null ? new WorkOrder(null, null, null) : workOrder;
        atRiskFirstVisit = orDefault(atRiskFirstVisit, "5wd");
        escalationGrace = orDefault(escalationGrace, "24h");
        reassessment = orDefault(reassessment, "30d");
    }

    /** RECEIVED → accepted or screened out: urgent beats category, category beats the default. */
    public record Received(SlaDuration defaultDuration, SlaDuration urgent, Map<String, SlaDuration> categories) {
        public Received {
            defaultDuration = orDefault(defaultDuration, "24h");
            urgent = orDefault(urgent, "30m");
            if (categories == null || categories.isEmpty()) {
                SlaDuration twoHours = SlaDuration.parse("2h");
                categories = Map.of("MR01", twoHours, "MR02", twoHours, "MR03", twoHours, "MR04", twoHours,
                        "MR05", twoHours, "MR06", twoHours, "MR07", twoHours, "MR08", twoHours, "MR09", twoHours,
                        "GD05", twoHours);
            }
            else {
                categories = Map.copyOf(categories);
            }
        }
    }

    public record WorkOrder(SlaDuration sign, SlaDuration signEmergency, SlaDuration respond) {
        public WorkOrder {
            sign = orDefault(sign, "1wd");
            signEmergency = orDefault(signEmergency, "2h");
            respond = orDefault(respond, "5wd");
        }
    }

    /** The follow-up visit interval for a risk level (the LOW one when no level is known). */
    public SlaDuration followUpVisitFor(String riskLevel) {
        SlaDuration value = riskLevel == null ? null : followUpVisit.get(riskLevel);
        return value != null ? value : followUpVisit.getOrDefault("LOW", SlaDuration.parse("30d"));
    }
}
