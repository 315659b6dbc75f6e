package cn.childprotect.cms.shared.web;

import java.io.IOException;

import cn.childprotect.cms.shared.ProblemTypes;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies above the configured size before anything reads them (a report narrative
 * is capped at 10,000 characters; nothing legitimate comes near the limit).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final ProblemWriter writer;
    private final long maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimitFilter(ProblemWriter writer, WebLimitsProperties.Api api) {
        this.writer = writer;
        this.maxBytes = api.maxBodySize().toBytes();
        this.maxUploadBytes = api.maxUploadSize().toBytes();
    }

    /** File uploads (the register import, streamed from the body) have a limit of their own. */
    static final String UPLOADS = "/api/v1/register/import";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        long limit = request.getRequestURI().startsWith(request.getContextPath() + UPLOADS) ? maxUploadBytes : maxBytes;
        if (length > limit || chunked) {
            writer.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "problem.payload-too-large.detail", limit / 1024);
            return;
        }
        chain.doFilter(request, response);
    }
}
