package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.sla.SlaDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time limits of measures, from {@code config/sla-policy.yml} ({@code cms.sla.measures},
 * docs/domain.md "Guardianship intervention"). The legal ones (反家暴法 art. 28, 30, 31; 民法典
 * art. 38) have their law as default; the review intervals are ours. Missing values take the defaults.
 */
@ConfigurationProperties("cms.sla.measures")
public record MeasurePolicy(String protectionOrderDecision, String protectionOrderDecisionUrgent,
        String reconsideration, Integer protectionOrderMaxValidityMonths, String protectionOrderReviewBeforeEnd,
        String warningLetterCheck, String temporaryGuardianshipReview, String shelterReview,
        Integer restorationObservationMinMonths, Integer restorationObservationMaxMonths) {

    public MeasurePolicy {
        protectionOrderDecision = orDefault(protectionOrderDecision, "72h");
        protectionOrderDecisionUrgent = orDefault(protectionOrderDecisionUrgent, "24h");
        reconsideration = orDefault(reconsideration, "5d");
        protectionOrderMaxValidityMonths = protectionOrderMaxValidityMonths == null ? 6 : protectionOrderMaxValidityMonths;
        protectionOrderReviewBeforeEnd = orDefault(protectionOrderReviewBeforeEnd, "30d");
        warningLetterCheck = orDefault(warningLetterCheck, "30d");
        temporaryGuardianshipReview = orDefault(temporaryGuardianshipReview, "30d");
        shelterReview = orDefault(shelterReview, "7d");
        restorationObservationMinMonths = restorationObservationMinMonths == null ? 3 : restorationObservationMinMonths;
        restorationObservationMaxMonths = restorationObservationMaxMonths == null ? 12 : restorationObservationMaxMonths;
        for (String value : new String[] { protectionOrderDecision, protectionOrderDecisionUrgent, reconsideration,
                protectionOrderReviewBeforeEnd, warningLetterCheck, temporaryGuardianshipReview, shelterReview }) {
            SlaDuration.parse(value);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
