package jp.kakehashi.systemtests.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer's balances as a TPP reads them (残高照会, B9): through {@code GET /v1/accounts/{id}/balances} with a
 * read-only connection the customer consented to for that one account, made once per platform, customer and account
 * and kept for the test JVM. The tests that move money read what they moved this way, as the customer's budgeting
 * app would, rather than in the bank's core system.
 */
public final class AccountBalances {

    private static final Map<String, ApiClient> READERS = new ConcurrentHashMap<>();

    private AccountBalances() {
    }

    /** The balance ({@code balance}, whole yen) of {@code accountId}, which belongs to the customer {@code loginId}. */
    public static long of(RunningPlatform platform, String loginId, String accountId) {
        ApiClient reader = READERS.computeIfAbsent(platform.issuer() + " " + loginId + " " + accountId,
                key -> connect(platform, loginId, accountId));
        try {
            ApiClient.Response response = reader.get("/v1/accounts/" + accountId + "/balances");
            if (response.status() != 200) {
                throw new AssertionError("the balance of " + accountId + " was refused: " + response.status() + " "
                        + response.body());
            }
            return Long.parseLong((String) response.json().get("balance"));
        }
        catch (AssertionError e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient connect(RunningPlatform platform, String loginId, String accountId) {
        try {
            TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
            return new ApiClient(platform, ApiClient.connect(platform, tpp, loginId, List.of(accountId), "openid",
                    "accounts", "balances"));
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot connect a balance reader to " + loginId + "'s " + accountId, e);
        }
    }
}
