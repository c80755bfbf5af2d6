package jp.kakehashi.banking.transfer.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a transfer request that the Zengin rules check: the remitter name (依頼人名; null or
 * blank means the account holder's name, filled in by the API) and the items.
 */
public record TransferInput(@Nullable String remitterName, @Nullable List<TransferItemInput> transfers) {
}
