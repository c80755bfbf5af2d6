package jp.kakehashi.banking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error structure of the {@code /v1} API, as GMO Aozora's: a stable code, a short human message and, for
 * refused input, which item was wrong.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ErrorBody(String errorCode, String errorMessage, List<Detail> errorDetails) {

    ErrorBody(String errorCode, String errorMessage) {
        this(errorCode, errorMessage, List.of());
    }

    /**
     * @param itemId the wrong parameter of a read request, or the {@code itemId} of the wrong transfer item
     * @param field  for a transfer request, the wrong field of the body (with {@code itemId} when in an item)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(String errorDetailsCode, String errorDetailsMessage, String itemId, String field) {

        Detail(String errorDetailsCode, String errorDetailsMessage, String itemId) {
            this(errorDetailsCode, errorDetailsMessage, itemId, null);
        }
    }
}
