package jp.kakehashi.banking.web;

import java.util.List;
import java.util.regex.Pattern;
import jp.kakehashi.shared.TppId;

/**
 * What the presented access token allows (B2, D1): the customer, the accounts the customer chose on the consent
 * screen, and the TPP the grant was given to (null when the token has no grant). Built by {@link ConsentedAccounts}
 * from a token the resource server's chain has already accepted.
 */
record CallerConsent(String customerId, List<String> accountIds, TppId tppId) {

    CallerConsent {
        accountIds = List.copyOf(accountIds);
    }

    /**
     * The account id of a path, if it is well-formed and one the customer chose; a missing account, another
     * customer's and a not-consented one are refused alike, so a TPP learns nothing about accounts outside its grant.
     */
    String consentedAccount(String accountId, Pattern format) {
        if (!format.matcher(accountId).matches()) {
            throw ApiException.invalidParameter("accountId", "accountId is not an account id of this bank");
        }
        if (!accountIds.contains(accountId)) {
            throw ApiException.accountNotFound();
        }
        return accountId;
    }
}
