package jp.kakehashi.runtime;

import jakarta.servlet.http.HttpServletRequest;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.shared.ErrorResponses;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Who a refused request was meant for, by its path, and so in whose words the refusal is answered: the banking API's
 * error JSON (TPPs parse every {@code /v1} answer the same way, OpenAPI {@code Error}), an OAuth error object for the
 * authorization server and the other machine endpoints (RFC 6749 §5.2, RFC 7591 §3.2.2), or the bank's error page for
 * a person on the screens.
 */
enum ErrorArea {

    API, OAUTH, SCREEN;

    static ErrorArea of(String path) {
        if (path == null) {
            return SCREEN;
        }
        if (path.equals("/v1") || path.startsWith("/v1/") || path.startsWith("/v1;")) {
            return API;
        }
        if (path.startsWith("/oauth2/authorize")) {
            // the customer's browser comes here: an error it cannot be sent back with is the bank's page to show
            return SCREEN;
        }
        if (path.startsWith("/oauth2/") || path.startsWith("/userinfo") || path.startsWith("/connect/")
                || path.startsWith("/.well-known/") || path.startsWith("/secevents/") || path.startsWith("/actuator/")
                || path.startsWith("/assessments/")) {
            return OAUTH;
        }
        return SCREEN;
    }

    /**
     * The JSON body of a refusal with {@code status} of {@code request}, or null for the screens (they get the error
     * page); the API's in the caller's language ({@link ApiErrorResponses}).
     */
    String json(HttpServletRequest request, int status, String description) {
        return switch (this) {
            case API -> {
                ApiError error = ApiError.of(apiErrorCode(status)).withStatus(status);
                yield ApiErrorResponses.json(request, description == null ? error
                        : error.withDetail("INVALID_VALUE", description, null));
            }
            case OAUTH -> ErrorResponses.oauth(status >= 500 ? OAuth2ErrorCodes.SERVER_ERROR
                    : OAuth2ErrorCodes.INVALID_REQUEST, description != null ? description
                            : status >= 500 ? "the server could not answer the request" : "the request is malformed");
            case SCREEN -> null;
        };
    }

    /** An {@code ErrorCode} of the OpenAPI document for a status the container or the firewall chose. */
    private static ApiErrorCode apiErrorCode(int status) {
        return switch (status) {
            case 401 -> ApiErrorCode.INVALID_TOKEN;
            case 404, 405 -> ApiErrorCode.NOT_FOUND;
            case 429 -> ApiErrorCode.RATE_LIMIT_EXCEEDED;
            case 503 -> ApiErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ApiErrorCode.INTERNAL_ERROR : ApiErrorCode.INVALID_PARAMETER;
        };
    }
}
