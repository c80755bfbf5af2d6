package jp.kakehashi.authorization.policy;

import java.time.Duration;
import java.util.Collection;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import org.springframework.stereotype.Component;

/**
 * Decides, for a set of requested scopes and a customer segment, the required sign-in level and the token
 * lifetimes (B3, B4, B6). A set of scopes takes the strictest of its rules. A scope without a rule is refused
 * rather than given a default, so a new scope cannot slip through with weak settings.
 */
@Component
public class ScopePolicy {

    private final ScopePolicyProperties properties;

    ScopePolicy(ScopePolicyProperties properties) {
        this.properties = properties;
    }

    public Decision decide(Collection<String> scopes, String segment) {
        AuthenticationLevel level = AuthenticationLevel.PASSWORD;
        Duration accessTtl = Duration.ofHours(1);
        Duration grantLifetime = Duration.ofDays(3650);
        boolean payment = false;
        for (String scope : scopes) {
            ScopePolicyProperties.Rule rule = rule(scope);
            AuthenticationLevel required = "CORPORATE".equals(segment) && rule.corporateRequiredLevel() != null
                    ? rule.corporateRequiredLevel() : rule.requiredLevel();
            if (required.compareTo(level) > 0) {
                level = required;
            }
            accessTtl = min(accessTtl, rule.accessTokenTtl());
            grantLifetime = min(grantLifetime, rule.grantLifetime());
            payment |= rule.payment();
        }
        return new Decision(level, accessTtl, grantLifetime, payment);
    }

    public boolean isKnown(String scope) {
        return properties.scopes().containsKey(scope);
    }

    public boolean isPayment(String scope) {
        return isKnown(scope) && rule(scope).payment();
    }

    private ScopePolicyProperties.Rule rule(String scope) {
        ScopePolicyProperties.Rule rule = properties.scopes().get(scope);
        if (rule == null) {
            throw new IllegalArgumentException("no policy for scope " + scope);
        }
        return rule;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * @param requiredLevel  the sign-in level needed before consent
     * @param accessTokenTtl the access token lifetime
     * @param grantLifetime  the grant's (and refresh token's) maximum lifetime
     * @param payment        whether any scope moves money
     */
    public record Decision(AuthenticationLevel requiredLevel, Duration accessTokenTtl, Duration grantLifetime,
            boolean payment) {
    }
}
