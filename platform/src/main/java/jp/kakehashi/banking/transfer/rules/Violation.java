package jp.kakehashi.banking.transfer.rules;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One refused field of a transfer request (Zengin rules), in the shape of the API's
 * {@code errorDetails[{errorDetailsCode, errorDetailsMessage, itemId}]}: the code, where it is (the item, or null
 * for a request-level field, and the field name of the request body) and the message in Japanese and English.
 */
public record Violation(ViolationCode code, @Nullable String itemId, String field, String messageJa,
        String messageEn) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageJa, "messageJa");
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
