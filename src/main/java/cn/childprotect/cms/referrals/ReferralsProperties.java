package cn.childprotect.cms.referrals;

import cn.childprotect.cms.shared.sla.SlaDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Work-order settings of the coop branch (issue 16). {@code callbackWithin}: a completed order's
 * callback (回访) is due within this duration of completion (an SLA duration, e.g. 1wd).
 */
@ConfigurationProperties("cms.referrals")
public record ReferralsProperties(@DefaultValue("1wd") SlaDuration callbackWithin) {
}
