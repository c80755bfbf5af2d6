package jp.kakehashi.banking.transfer.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Zengin field rules of a transfer request (全銀 formats and GMO Aozora's limits): 1–99 items with
 * unique item ids 1–99, each a valid payee, an amount of 1–9,999,999,999 yen and EDI information of at most 20
 * Zengin characters without comma; a remitter name of at most 40. Every wrong field is reported, not only the
 * first, so a client can fix a bulk request in one round.
 */
public final class TransferValidation {

    /** Most items in one request (一括振込), as GMO Aozora's {@code totalCount}. */
    public static final int MAX_ITEMS = 99;
    /** Largest amount of one item: the 全銀 file's N(10) amount field. */
    public static final long MAX_AMOUNT = 9_999_999_999L;

    private static final Pattern ITEM_ID = Pattern.compile("[1-9]\\d?");
    private static final Pattern AMOUNT = Pattern.compile("[1-9]\\d{0,9}");

    private TransferValidation() {
    }

    /** The outcome of validation: the transfer in Zengin form, or every violation found. */
    public sealed interface Outcome permits Valid, Invalid {
    }

    public record Valid(ValidTransfer transfer) implements Outcome {
    }

    public record Invalid(List<Violation> violations) implements Outcome {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    public static Outcome validate(TransferInput input) {
        List<Violation> violations = new ArrayList<>();
        String remitter = remitterName(input.remitterName(), violations);
        List<TransferItemInput> inputs = input.transfers() == null ? List.of() : input.transfers();
        if (inputs.isEmpty() || inputs.size() > MAX_ITEMS) {
            violations.add(ViolationCode.ITEM_COUNT_INVALID.on(null, "transfers", MAX_ITEMS));
        }
        List<TransferItem> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        for (TransferItemInput item : inputs) {
            item(item, itemIds, violations).ifPresent(items::add);
        }
        return violations.isEmpty() ? new Valid(new ValidTransfer(remitter, items)) : new Invalid(violations);
    }

    private static @Nullable String remitterName(@Nullable String name, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return ZenginField.REMITTER_NAME.convert(name, null, violations);
    }

    private static Optional<TransferItem> item(TransferItemInput item, Set<String> itemIds, List<Violation> violations) {
        int before = violations.size();
        String id = item.itemId();
        if (id == null || !ITEM_ID.matcher(id).matches()) {
            violations.add(ViolationCode.ITEM_ID_INVALID.on(id, "itemId", MAX_ITEMS));
        } else if (!itemIds.add(id)) {
            violations.add(ViolationCode.ITEM_ID_DUPLICATE.on(id, "itemId"));
        }
        Optional<Payee> payee = PayeeRules.payee(item, violations);
        String amount = item.transferAmount();
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            violations.add(ViolationCode.AMOUNT_INVALID.on(id, "transferAmount"));
        }
        String ediInfo = item.ediInfo();
        String edi = ediInfo == null || ediInfo.isBlank() ? "" : ZenginField.EDI_INFO.convert(ediInfo, id, violations);
        // a null edi added its violation
        if (violations.size() > before || edi == null) {
            return Optional.empty();
        }
        return Optional.of(new TransferItem(Integer.parseInt(id), payee.orElseThrow(), Long.parseLong(amount), edi));
    }
}
