package jp.kakehashi.runtime;

import jp.kakehashi.shared.ErrorResponses;

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

    /** The JSON body of a refusal with {@code status}, or null for the screens (they get the error page). */
    String json(int status, String description) {
        return switch (this) {
            case API -> ErrorResponses.api(apiErrorCode(status), apiMessage(status),
                    description == null ? null : "INVALID_VALUE", description);
            case OAUTH -> ErrorResponses.oauth(status >= 500 ? "server_error" : "invalid_request",
                    description != null ? description
                            : status >= 500 ? "the server could not answer the request" : "the request is malformed");
            case SCREEN -> null;
        };
    }

    /** An {@code ErrorCode} of the OpenAPI document for a status the container or the firewall chose. */
    private static String apiErrorCode(int status) {
        return switch (status) {
            case 401 -> "INVALID_TOKEN";
            case 404, 405 -> "NOT_FOUND";
            case 429 -> "RATE_LIMIT_EXCEEDED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "INVALID_PARAMETER";
        };
    }

    private static String apiMessage(int status) {
        return switch (status) {
            case 401 -> "アクセストークンが必要です。";
            case 404, 405 -> "リソースが見つかりません。";
            case 429 -> "リクエストが多すぎます。しばらくしてから再度お試しください。";
            case 503 -> "ただいまサービスを利用できません。しばらくしてから再度お試しください。";
            default -> status >= 500 ? "システムエラーが発生しました。" : "リクエストの値が正しくありません。";
        };
    }
}
