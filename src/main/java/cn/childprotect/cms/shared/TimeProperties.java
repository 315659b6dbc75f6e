package cn.childprotect.cms.shared;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code cms.time-zone}: the zone of the business's days and working hours ({@link BusinessTime}). */
@Validated
@ConfigurationProperties("cms")
record TimeProperties(@DefaultValue("Asia/Shanghai") @NotNull ZoneId timeZone) {
}
