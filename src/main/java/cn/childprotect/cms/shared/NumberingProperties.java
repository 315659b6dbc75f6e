package cn.childprotect.cms.shared;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.numbering.*}: {@code blockSize} numbers of a counter are taken from the database at
 * a time per instance ({@link SequenceNumbers}), so filings do not wait for each other.
 */
@Validated
@ConfigurationProperties("cms.numbering")
record NumberingProperties(@DefaultValue("20") @Positive int blockSize) {
}
