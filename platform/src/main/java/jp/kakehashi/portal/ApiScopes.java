package jp.kakehashi.portal;

import java.util.List;
import java.util.Map;
import jp.kakehashi.tpp.TppApplication.ApiClass;

/** Which scopes belong to which class of API (参照系 / 更新系) a TPP may apply for. */
final class ApiScopes {

    static final Map<ApiClass, List<String>> BY_CLASS = Map.of(
            ApiClass.READ, List.of("accounts", "balances", "transactions"),
            ApiClass.PAYMENT, List.of("transfers"));

    private ApiScopes() {
    }

    static ApiClass classOf(String scope) {
        return BY_CLASS.entrySet().stream().filter(entry -> entry.getValue().contains(scope)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
