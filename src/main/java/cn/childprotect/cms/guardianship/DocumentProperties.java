package cn.childprotect.cms.guardianship;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code cms.guardianship.documents-dir}: where the document templates of measures are ({@link DocumentWriter}). */
@Validated
@ConfigurationProperties("cms.guardianship")
record DocumentProperties(@DefaultValue("config/documents") @NotNull Path documentsDir) {
}
