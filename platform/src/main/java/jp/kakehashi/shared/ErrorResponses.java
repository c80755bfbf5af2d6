package jp.kakehashi.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON error bodies the platform writes outside Spring MVC (filters, entry points, the container's error area),
 * escaped in one place: the API's {@code {"errorCode","errorMessage","errorDetails"?}} and OAuth's
 * {@code {"error","error_description"}} (RFC 6749 §5.2). Only the writing: which codes exist is each area's.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** The API's error body, with one detail when {@code detailsCode} is not null. */
    public static String api(String errorCode, String errorMessage, @Nullable String detailsCode,
            @Nullable String detailsMessage) {
        StringBuilder json = new StringBuilder("{\"errorCode\":").append(quoted(errorCode)).append(",\"errorMessage\":")
                .append(quoted(errorMessage));
        if (detailsCode != null) {
            json.append(",\"errorDetails\":[{\"errorDetailsCode\":").append(quoted(detailsCode))
                    .append(",\"errorDetailsMessage\":")
                    .append(quoted(Objects.requireNonNull(detailsMessage, "detailsMessage"))).append("}]");
        }
        return json.append('}').toString();
    }

    /** The API's error body without details. */
    public static String api(String errorCode, String errorMessage) {
        return api(errorCode, errorMessage, null, null);
    }

    /** OAuth's error body (RFC 6749 §5.2). */
    public static String oauth(String error, @Nullable String description) {
        return "{\"error\":" + quoted(error) + (description == null ? "" : ",\"error_description\":"
                + quoted(description)) + "}";
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
