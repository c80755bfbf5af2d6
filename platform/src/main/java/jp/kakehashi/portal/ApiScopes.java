package jp.kakehashi.portal;

import java.util.List;
import java.util.Map;
import jp.kakehashi.tpp.TppApplication.ApiClass;

/**
 * Which scopes belong to which class of API (参照系 / 更新系) a TPP may apply for. The grant management scopes (reading
 * and ending the TPP's own grants, Grant Management §6.1) come with the read API, which every connection has.
 */
final class ApiScopes {

    static final Map<ApiClass, List<String>> BY_CLASS = Map.of(
            ApiClass.READ, List.of("accounts", "balances", "transactions", "grant_management_query",
                    "grant_management_revoke"),
            ApiClass.PAYMENT, List.of("transfers"));

    private ApiScopes() {
    }

    static ApiClass classOf(String scope) {
        return BY_CLASS.entrySet().stream().filter(entry -> entry.getValue().contains(scope)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
