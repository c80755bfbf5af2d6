package jp.kakehashi.authorization.policy;

import java.time.Duration;
import java.util.Map;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bank's per-scope policy, set in configuration without code (B3, B6): how strongly a customer must sign in to
 * grant a scope (individuals and corporates may differ), how long access tokens live, and the longest a grant (and
 * so its refresh token) may last.
 *
 * @param scopes the rule for each scope
 */
@ConfigurationProperties("kakehashi.scope-policy")
public record ScopePolicyProperties(Map<String, Rule> scopes) {

    public ScopePolicyProperties {
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
    }

    /**
     * @param requiredLevel          the sign-in level an individual needs to grant the scope
     * @param corporateRequiredLevel the level a corporate customer needs; null means the same
     * @param accessTokenTtl         the access token lifetime
     * @param grantLifetime          the longest the grant may last; refresh never extends it
     * @param payment                whether the scope moves money (shown apart on the consent screen, D2)
     */
    public record Rule(AuthenticationLevel requiredLevel, AuthenticationLevel corporateRequiredLevel,
            Duration accessTokenTtl, Duration grantLifetime, boolean payment) {
    }
}
