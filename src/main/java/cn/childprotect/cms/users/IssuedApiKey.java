package cn.childprotect.cms.users;

/** A new API key: {@code key} is shown this once and stored only as a hash. */
public record IssuedApiKey(ApiKeySummary summary, String key) {
}
