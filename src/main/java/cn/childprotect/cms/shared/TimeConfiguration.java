package cn.childprotect.cms.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for all business time, so tests can move it (deadlines, escalations), and one
 * business time zone for calendar questions (receipt dates, working days). Instants are stored
 * in UTC.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessTime businessTime(Clock clock, TimeProperties settings) {
        return new BusinessTime(clock, settings.timeZone());
    }
}
