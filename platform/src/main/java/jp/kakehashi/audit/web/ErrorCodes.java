package jp.kakehashi.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.shared.ApiErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Finds the error code of an error answer: the one its writer left in {@link ApiErrorCode#REQUEST_ATTRIBUTE} (every
 * {@code /v1} error body, and the grant management endpoint's OAuth errors), else the OAuth {@code error} of a
 * {@code WWW-Authenticate} challenge. Bodies are never parsed.
 */
final class ErrorCodes {

    private static final Pattern CHALLENGE_CODE = Pattern.compile("error=\"([A-Za-z0-9_.-]{1,64})\"");

    private ErrorCodes() {
    }

    static @Nullable String of(HttpServletRequest request, ContentCachingResponseWrapper response, int status) {
        if (status < 400) {
            return null;
        }
        if (request.getAttribute(ApiErrorCode.REQUEST_ATTRIBUTE) instanceof String code) {
            return code;
        }
        // Only for a refusal Spring Security answers by itself, with its challenge (RFC 6750 §3, RFC 9449 §7.1) and no
        // body of ours: Spring's own entry point or access-denied handler writes no attribute. The /v1 and /grants
        // chains replace both today, so this is the safety net for a handler of Spring's that a chain falls back to.
        String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null) {
            Matcher oauth = CHALLENGE_CODE.matcher(challenge);
            if (oauth.find()) {
                return oauth.group(1);
            }
        }
        return null;
    }
}
