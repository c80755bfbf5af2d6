package jp.kakehashi.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The JSON error bodies the platform writes outside Spring MVC (filters, entry points, the container's error area),
 * escaped in one place: OAuth's {@code {"error","error_description"}} (RFC 6749 §5.2) here, the API's through
 * {@link ApiErrorResponses}. Only the writing: which OAuth codes exist is each area's.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** OAuth's error body (RFC 6749 §5.2). */
    public static String oauth(String error, @Nullable String description) {
        return "{\"error\":" + quoted(error) + (description == null ? "" : ",\"error_description\":"
                + quoted(description)) + "}";
    }

    /**
     * Writes OAuth's error body for a call of the TPP API ({@link TppApiPaths}, the grant management endpoint) and
     * leaves its code in {@link ApiErrorCode#REQUEST_ATTRIBUTE} for the execution log (C1).
     */
    public static void writeOauth(HttpServletRequest request, HttpServletResponse response, String error,
            String description) throws IOException {
        request.setAttribute(ApiErrorCode.REQUEST_ATTRIBUTE, error);
        write(response, 0, oauth(error, description));
    }

    /**
     * Writes {@code json} with {@code status} (0: keep the status set), as UTF-8 JSON that no cache keeps, unless
     * the answer is already on its way.
     */
    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (status != 0) {
            response.setStatus(status);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
