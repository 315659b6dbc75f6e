package cn.childprotect.cms.shared;

import java.net.URI;

/** Stable problem {@code type} identifiers. Clients may switch on them; never rename one. */
public final class ProblemTypes {

    public static final String BASE = "https://childprotect.cn/problems/";

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String ACCOUNT_LOCKED = "account-locked";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String CONFLICT = "conflict";
    public static final String STALE_VERSION = "stale-version";
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    public static final String INTERNAL = "internal-error";
    /** The database failed transiently (durability): nothing was stored; send the same request again later. */
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";

    private ProblemTypes() {
    }

    public static URI uri(String type) {
        return URI.create(BASE + type);
    }
}
