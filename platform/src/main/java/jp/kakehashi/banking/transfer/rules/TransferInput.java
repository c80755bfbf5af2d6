package jp.kakehashi.banking.transfer.rules;

import java.util.List;

/**
 * The fields of a transfer request that the Zengin rules check: the remitter name (依頼人名; null or
 * blank means the account holder's name, filled in by the API) and the items.
 */
public record TransferInput(String remitterName, List<TransferItemInput> transfers) {
}
