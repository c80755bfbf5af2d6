package jp.kakehashi.banking.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.banking.transfer.TransferOrder;
import jp.kakehashi.banking.transfer.TransferOutcome;
import jp.kakehashi.banking.transfer.rules.Violation;
import jp.kakehashi.banking.transfer.rules.ViolationCode;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /v1/transfers} and {@code /v1/transfers/fee} as the OpenAPI contract has it: every
 * value a JSON string, amounts included ({@code "transferAmount": "1000"}). Jackson would quietly turn
 * {@code 1000} or {@code 1e3} into the string {@code "1000"}/{@code "1000.0"}; a TPP that sends numbers may round
 * through a double before it does, so a number is refused with {@code INVALID_PARAMETER} and the field named
 * ({@code VALUE_NOT_A_STRING}, with the item's {@code itemId}), like any other wrong field, rather than guessed at.
 * The fields checked are the string components of {@link TransferOrder} and its items, so a field added there is
 * checked too.
 */
@Component
class TransferOrderReader {

    private final JsonMapper json;

    TransferOrderReader(JsonMapper json) {
        this.json = json;
    }

    /** The order, or the API's refusal of the body. */
    TransferOrder read(JsonNode body) {
        return switch (reading(body)) {
            case Reading.Order order -> order.order();
            case Reading.Unreadable unreadable -> throw TransferRefusalAnswers.of(unreadable.refusal());
        };
    }

    /** The order, or why the body is none (refused as an invalid parameter). */
    Reading reading(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Reading.Unreadable(new TransferOutcome.InvalidParameter(null,
                    "the request body must be a JSON object"));
        }
        List<Violation> notStrings = new ArrayList<>();
        check(body, TransferOrder.class, null, notStrings);
        if (!notStrings.isEmpty()) {
            return new Reading.Unreadable(new TransferOutcome.InvalidTransfer(notStrings));
        }
        try {
            return new Reading.Order(json.treeToValue(body, TransferOrder.class));
        }
        catch (JacksonException malformed) {
            return new Reading.Unreadable(new TransferOutcome.InvalidParameter(null, "the request is malformed"));
        }
    }

    /** A body read as a transfer order, or refused. */
    sealed interface Reading {

        record Order(TransferOrder order) implements Reading {
        }

        record Unreadable(TransferOutcome.Refused refusal) implements Reading {
        }
    }

    /** Every string component of {@code type} must be a JSON string (or absent); lists of records are checked inside. */
    private static void check(JsonNode object, Class<?> type, String itemId, List<Violation> notStrings) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (component.getType() == String.class && !value.isString()) {
                notStrings.add(ViolationCode.VALUE_NOT_A_STRING.on(itemId, component.getName(), component.getName()));
            }
            else if (component.getType() == List.class && value.isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                for (JsonNode item : value) {
                    if (item.isObject()) {
                        JsonNode id = item.get("itemId");
                        check(item, element, id == null || id.isNull() ? null : id.asString(), notStrings);
                    }
                }
            }
        }
    }
}
