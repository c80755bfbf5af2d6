package jp.kakehashi.authorization.rar;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code authorization_details} parameter (RFC 9396 §2) the bank accepts: at most one detail, of type
 * {@value TransferDetail#TYPE}, with every field checked against Zengin rules (bank 4 digits,
 * branch 3, account 7, 預金種目 1/2/4/9, 受取人名 ≤ 30 half-width kana characters, amount N(10), EDI ≤ 20). Fields
 * the bank does not know are refused rather than ignored: the customer must never authorise more than the consent
 * screen showed.
 */
public final class AuthorizationDetails {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // Zengin character set: half-width katakana (large only, with ﾞ ﾟ), A–Z, 0–9, space and ( ) - . / ,
    private static final Pattern NAME = Pattern.compile("[\\uFF66\\uFF71-\\uFF9FA-Z0-9 ().,/-]{1,30}");
    private static final Pattern EDI = Pattern.compile("[\\uFF66\\uFF71-\\uFF9FA-Z0-9 ()./-]{1,20}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,9}");
    // the Open API account id: branch (3) + 科目 (2) + account number (7)
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private AuthorizationDetails() {
    }

    /**
     * The transfer a request asks for, or empty when it has no {@code authorization_details}.
     *
     * @throws InvalidAuthorizationDetails when the parameter is not one the bank accepts
     */
    public static Optional<TransferDetail> transferOf(Object parameter) {
        if (parameter == null) {
            return Optional.empty();
        }
        if (!(parameter instanceof String text)) {
            throw invalid("authorization_details must be sent once");
        }
        JsonNode details;
        try {
            details = JSON.readTree(text);
        }
        catch (JacksonException e) {
            throw invalid("authorization_details is not valid JSON");
        }
        if (details == null || !details.isArray() || details.isEmpty()) {
            throw invalid("authorization_details must be a non-empty JSON array");
        }
        for (JsonNode detail : details) {
            String type = detail.isObject() && detail.get("type") != null && detail.get("type").isString()
                    ? detail.get("type").stringValue() : null;
            if (!TransferDetail.TYPE.equals(type)) {
                throw invalid(type == null ? "every authorization detail needs a type"
                        : "unknown authorization details type " + type);
            }
        }
        if (details.size() > 1) {
            throw invalid("at most one " + TransferDetail.TYPE + " detail per request");
        }
        return Optional.of(transfer(details.get(0)));
    }

    private static TransferDetail transfer(JsonNode detail) {
        fields(detail, "detail", Set.of("type", "instructedAmount", "debtorAccount", "creditor",
                "remittanceInformation"));
        JsonNode amount = object(detail, "instructedAmount", Set.of("currency", "amount"));
        if (!"JPY".equals(text(amount, "currency", "instructedAmount.currency"))) {
            throw invalid("instructedAmount.currency must be JPY");
        }
        String yen = text(amount, "amount", "instructedAmount.amount");
        if (!AMOUNT.matcher(yen).matches()) {
            throw invalid("instructedAmount.amount must be whole yen from 1 to 9999999999");
        }
        String debtor = null;
        if (detail.get("debtorAccount") != null) {
            debtor = matching(object(detail, "debtorAccount", Set.of("accountId")), "accountId",
                    "debtorAccount.accountId", ACCOUNT_ID);
        }
        JsonNode creditor = object(detail, "creditor",
                Set.of("bankCode", "branchCode", "accountTypeCode", "accountNumber", "name"));
        var payee = new TransferDetail.Creditor(
                matching(creditor, "bankCode", "creditor.bankCode", Pattern.compile("[0-9]{4}")),
                matching(creditor, "branchCode", "creditor.branchCode", Pattern.compile("[0-9]{3}")),
                matching(creditor, "accountTypeCode", "creditor.accountTypeCode", Pattern.compile("[1249]")),
                matching(creditor, "accountNumber", "creditor.accountNumber", Pattern.compile("[0-9]{7}")),
                matching(creditor, "name", "creditor.name", NAME));
        String remittance = detail.get("remittanceInformation") == null ? null
                : matching(detail, "remittanceInformation", "remittanceInformation", EDI);
        return new TransferDetail(Long.parseLong(yen), debtor, payee, remittance);
    }

    private static JsonNode object(JsonNode parent, String name, Set<String> allowed) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw invalid(name + " is required and must be an object");
        }
        fields(node, name, allowed);
        return node;
    }

    private static void fields(JsonNode node, String name, Set<String> allowed) {
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                throw invalid("unknown field " + field + " in " + name);
            }
        }
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString()) {
            throw invalid(path + " is required and must be a string");
        }
        return node.stringValue();
    }

    private static String matching(JsonNode parent, String field, String path, Pattern pattern) {
        String value = text(parent, field, path);
        if (!pattern.matcher(value).matches()) {
            throw invalid(path + " is not valid");
        }
        return value;
    }

    private static InvalidAuthorizationDetails invalid(String description) {
        return new InvalidAuthorizationDetails(description);
    }
}
