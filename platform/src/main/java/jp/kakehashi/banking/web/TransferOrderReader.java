package jp.kakehashi.banking.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.banking.transfer.TransferOrder;
import jp.kakehashi.banking.transfer.rules.ViolationCode;
import jp.kakehashi.shared.ApiError;
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

    TransferOrder read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidParameter(null, "the request body must be a JSON object");
        }
        List<ApiError.Detail> notStrings = new ArrayList<>();
        check(body, TransferOrder.class, null, notStrings);
        if (!notStrings.isEmpty()) {
            throw ApiException.invalidTransfer(notStrings);
        }
        try {
            return json.treeToValue(body, TransferOrder.class);
        }
        catch (JacksonException malformed) {
            throw ApiException.invalidParameter(null, "the request is malformed");
        }
    }

    /** Every string component of {@code type} must be a JSON string (or absent); lists of records are checked inside. */
    private static void check(JsonNode object, Class<?> type, String itemId, List<ApiError.Detail> notStrings) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (component.getType() == String.class && !value.isString()) {
                var violation = ViolationCode.VALUE_NOT_A_STRING.on(itemId, component.getName(), component.getName());
                notStrings.add(new ApiError.Detail(violation.code().name(), violation.messageJa(), itemId,
                        violation.field()));
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
