package jp.kakehashi.authorization.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import org.junit.jupiter.api.Test;

/** B3, B4, B6: a set of scopes takes the strictest rule; corporates may need more; unknown scopes are refused. */
class ScopePolicyTest {

    private final ScopePolicy policy = new ScopePolicy(new ScopePolicyProperties(Map.of(
            "balances", new ScopePolicyProperties.Rule(AuthenticationLevel.PASSWORD, AuthenticationLevel.MFA,
                    Duration.ofMinutes(10), Duration.ofDays(90), false),
            "transfers", new ScopePolicyProperties.Rule(AuthenticationLevel.MFA, null, Duration.ofMinutes(5),
                    Duration.ofDays(30), true))));

    @Test
    void decideWhenReadOnlyForIndividualThenPasswordSufficesWithReadLifetimes() {
        var decision = policy.decide(List.of("balances"), "INDIVIDUAL");

        assertThat(decision.requiredLevel()).isEqualTo(AuthenticationLevel.PASSWORD);
        assertThat(decision.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(decision.grantLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(decision.payment()).isFalse();
    }

    @Test
    void decideWhenReadOnlyForCorporateThenCorporateLevelApplies() {
        assertThat(policy.decide(List.of("balances"), "CORPORATE").requiredLevel())
                .isEqualTo(AuthenticationLevel.MFA);
    }

    @Test
    void decideWhenPaymentIsAmongScopesThenStrictestRuleWins() {
        var decision = policy.decide(List.of("balances", "transfers"), "INDIVIDUAL");

        assertThat(decision.requiredLevel()).isEqualTo(AuthenticationLevel.MFA);
        assertThat(decision.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(decision.grantLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(decision.payment()).isTrue();
    }

    @Test
    void decideWhenScopeHasNoRuleThenRefused() {
        assertThat(policy.isKnown("everything")).isFalse();
        assertThatThrownBy(() -> policy.decide(List.of("everything"), "INDIVIDUAL"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
