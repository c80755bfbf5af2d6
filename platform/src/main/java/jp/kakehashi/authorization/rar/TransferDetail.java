package jp.kakehashi.authorization.rar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transfer a TPP asks the customer to authorise (RFC 9396 detail type {@value #TYPE}; B5: the token allows
 * this one payment and nothing else, B10). In JSON:
 *
 * <pre>{@code
 * {"type": "kakehashi_transfer",
 *  "instructedAmount": {"currency": "JPY", "amount": "15000"},
 *  "debtorAccount": {"accountId": "001011234567"},            // optional: chosen on the consent screen if absent
 *  "creditor": {"bankCode": "0999", "branchCode": "101", "accountTypeCode": "1",
 *               "accountNumber": "7654321", "name": "ｻﾄｳ ﾊﾅｺ"},
 *  "remittanceInformation": "ｾｲｷﾕｳ 123"}                      // optional (Zengin EDI, ≤ 20 characters)
 * }</pre>
 *
 * @param amountYen             the amount in yen, 1 to 9,999,999,999 (Zengin N(10))
 * @param debtorAccountId       the customer's account to pay from, or null until the customer chooses it
 * @param creditor              the payee
 * @param remittanceInformation the EDI text, or null
 */
public record TransferDetail(long amountYen, String debtorAccountId, Creditor creditor,
        String remittanceInformation) {

    /** The detail type. */
    public static final String TYPE = "kakehashi_transfer";

    /** The same transfer paid from {@code accountId}, as the customer approved it. */
    public TransferDetail withDebtor(String accountId) {
        return new TransferDetail(amountYen, accountId, creditor, remittanceInformation);
    }

    /** The detail in its RFC 9396 JSON shape (amount as a string, as the TPP sent it). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", TYPE);
        json.put("instructedAmount", Map.of("currency", "JPY", "amount", Long.toString(amountYen)));
        if (debtorAccountId != null) {
            json.put("debtorAccount", Map.of("accountId", debtorAccountId));
        }
        json.put("creditor", creditor.toJson());
        if (remittanceInformation != null) {
            json.put("remittanceInformation", remittanceInformation);
        }
        return json;
    }

    /**
     * The payee, in Zengin terms.
     *
     * @param bankCode        4 digits
     * @param branchCode      3 digits
     * @param accountTypeCode 1 普通, 2 当座, 4 貯蓄, 9 その他
     * @param accountNumber   7 digits
     * @param name            受取人名 in half-width kana (≤ 30 characters)
     */
    public record Creditor(String bankCode, String branchCode, String accountTypeCode, String accountNumber,
            String name) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("bankCode", bankCode);
            json.put("branchCode", branchCode);
            json.put("accountTypeCode", accountTypeCode);
            json.put("accountNumber", accountNumber);
            json.put("name", name);
            return json;
        }
    }
}
