package cn.childprotect.cms.shared.web;

import cn.childprotect.cms.shared.Refusal;

import org.springframework.http.HttpStatus;

/** The one place a domain refusal gets its HTTP status; the codes are those the API always had. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal refusal) {
        return switch (refusal) {
            case Refusal.NotFound r -> HttpStatus.NOT_FOUND;
            case Refusal.NotAllowed r -> HttpStatus.FORBIDDEN;
            case Refusal.InvalidState r -> HttpStatus.CONFLICT;
            case Refusal.StaleVersion r -> HttpStatus.PRECONDITION_FAILED;
            case Refusal.InvalidInput r -> HttpStatus.BAD_REQUEST;
            case Refusal.BadRequest r -> HttpStatus.BAD_REQUEST;
            case Refusal.Unmet r -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
