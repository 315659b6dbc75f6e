package cn.childprotect.cms.evidence;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of evidence attachments (docs/domain.md §3.4, ours): {@code maxSize} per file,
 * {@code maxPerReport} / {@code maxPerCase} files, and the media types accepted, as detected from the
 * content.
 */
@ConfigurationProperties("cms.evidence")
public record EvidenceProperties(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("10") int maxPerReport,
        @DefaultValue("50") int maxPerCase, List<String> allowedTypes) {

    public EvidenceProperties {
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? List.of("image/jpeg", "image/png", "image/gif",
                "image/webp", "image/heic", "image/heif", "application/pdf", "audio/mpeg", "audio/mp4", "audio/x-m4a",
                "audio/vnd.wave", "audio/x-wav", "audio/wav", "audio/amr", "audio/ogg", "video/mp4", "video/quicktime",
                "video/3gpp", "video/webm") : List.copyOf(allowedTypes);
    }
}
