package jp.kakehashi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One error answer of the {@code /v1} API before it is written: its {@link ApiErrorCode}, the status (the code's own
 * unless the container chose another one, e.g. 405 or 413), the arguments of its message and the
 * {@code errorDetails} (OpenAPI {@code Error}).
 *
 * @param code              the error code
 * @param status            the HTTP status answered
 * @param messageArguments  what the code's message names, e.g. a transfer's status
 * @param details           which items were wrong, or the reason behind the code; may be empty
 */
public record ApiError(ApiErrorCode code, int status, List<Object> messageArguments, List<Detail> details) {

    public ApiError {
        messageArguments = List.copyOf(messageArguments);
        details = List.copyOf(details);
    }

    /** The code with its own status, no details. */
    public static ApiError of(ApiErrorCode code, Object... messageArguments) {
        return new ApiError(code, code.status().value(), List.of(messageArguments), List.of());
    }

    /** This error with one more detail. */
    public ApiError withDetail(String detailsCode, String detailsMessage, @Nullable String itemId) {
        return withDetails(List.of(new Detail(detailsCode, detailsMessage, itemId, null)));
    }

    /** This error with {@code more} details after its own. */
    public ApiError withDetails(List<Detail> more) {
        List<Detail> all = new ArrayList<>(details);
        all.addAll(more);
        return new ApiError(code, status, messageArguments, all);
    }

    /** This error answered with {@code otherStatus}: a status the container or the firewall chose. */
    public ApiError withStatus(int otherStatus) {
        return new ApiError(code, otherStatus, messageArguments, details);
    }

    /** The message in the caller's language. */
    public String message(Locale locale) {
        return code.message(locale, messageArguments.toArray());
    }

    /**
     * One entry of {@code errorDetails}.
     *
     * @param errorDetailsCode    what was wrong, e.g. {@code INVALID_VALUE} or {@code DAILY_LIMIT}
     * @param errorDetailsMessage a short text about it
     * @param itemId              the wrong parameter of a read request, or the {@code itemId} of the wrong transfer
     *                            item; may be null
     * @param field               for a transfer request, the wrong field of the body; may be null
     */
    public record Detail(String errorDetailsCode, String errorDetailsMessage, @Nullable String itemId,
            @Nullable String field) {
    }
}
