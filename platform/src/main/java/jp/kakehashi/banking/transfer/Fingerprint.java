package jp.kakehashi.banking.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.kakehashi.banking.transfer.rules.TransferItemInput;

/**
 * What makes two transfer requests "the same request" for an idempotency key (payment correctness): the customer and
 * every field as sent, hashed. A retry must repeat the request exactly; anything else under the same key is another
 * request.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String customerId, TransferOrder order) {
        List<String> fields = new ArrayList<>(List.of(nullable(customerId), nullable(order.accountId()),
                nullable(order.remitterName()), nullable(order.transferDesignatedDate()),
                nullable(order.transferDateHolidayCode()), nullable(order.totalCount()),
                nullable(order.totalAmount())));
        for (TransferItemInput item : order.transfers()) {
            fields.addAll(List.of(nullable(item.itemId()), nullable(item.beneficiaryBankCode()),
                    nullable(item.beneficiaryBranchCode()), nullable(item.accountTypeCode()),
                    nullable(item.accountNumber()), nullable(item.beneficiaryName()), nullable(item.transferAmount()),
                    nullable(item.ediInfo())));
        }
        StringBuilder canonical = new StringBuilder();
        // length-prefixed, so that no two different field lists give the same text
        fields.forEach(f -> canonical.append(f.length()).append(':').append(f).append(';'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Absent and empty are told apart: a client that sends one then the other sends another request. */
    private static String nullable(String value) {
        return value == null ? "\u0000" : "=" + value;
    }
}
