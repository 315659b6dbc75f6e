package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.sla.SlaDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import static cn.childprotect.cms.shared.sla.SlaDuration.orDefault;

/**
 * The time limits of measures, from {@code config/sla-policy.yml} ({@code cms.sla.measures},
 * docs/domain.md "Guardianship intervention"). The legal ones (反家暴法 art. 28, 30, 31; 民法典
 * art. 38) have their law as default; the review intervals are ours. Missing values take the defaults.
 */
@ConfigurationProperties("cms.sla.measures")
public record MeasurePolicy(SlaDuration protectionOrderDecision, SlaDuration protectionOrderDecisionUrgent,
        SlaDuration reconsideration, Integer protectionOrderMaxValidityMonths, SlaDuration protectionOrderReviewBeforeEnd,
        SlaDuration warningLetterCheck, SlaDuration temporaryGuardianshipReview, SlaDuration shelterReview,
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
    }
}
