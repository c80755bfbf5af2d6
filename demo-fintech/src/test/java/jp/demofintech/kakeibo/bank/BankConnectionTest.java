package jp.demofintech.kakeibo.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BankConnectionTest {

    private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");

    @Test
    void accessTokenExpiresWithinWhenLifetimeLeftIsShorterThanMarginThenTrue() {
        BankConnection connection = new BankConnection("{}", "C0001", null, NOW);
        connection.tokens(new DPoPAccessToken("a", 600, null), "r", NOW);

        assertThat(connection.accessTokenExpiresWithin(Duration.ofSeconds(30), NOW.plusSeconds(569))).isFalse();
        assertThat(connection.accessTokenExpiresWithin(Duration.ofSeconds(30), NOW.plusSeconds(570))).isTrue();
    }

    @Test
    void tokensWhenRefreshAnswerHasNoRefreshTokenThenTheOldOneIsKept() {
        BankConnection connection = new BankConnection("{}", "C0001", null, NOW);
        connection.tokens(new DPoPAccessToken("first", 600, null), "refresh-1", NOW);

        connection.tokens(new DPoPAccessToken("second", 600, null), null, NOW.plusSeconds(600));

        assertThat(connection.accessToken().getValue()).isEqualTo("second");
        assertThat(connection.refreshToken()).isEqualTo("refresh-1");
        assertThat(connection.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(1200));
    }

    @Test
    void tokensWhenTokenHasNoLifetimeThenTreatedAsShortLived() {
        BankConnection connection = new BankConnection("{}", "C0001", null, NOW);
        connection.tokens(new DPoPAccessToken("a"), "r", NOW);

        assertThat(connection.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
