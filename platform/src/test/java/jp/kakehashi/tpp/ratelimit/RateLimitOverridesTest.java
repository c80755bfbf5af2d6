package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** F4: a limit set for a TPP at run time is stored for every node, replaced by the next one, and refused for no TPP. */
class RateLimitOverridesTest {

    private static final MigratedDatabase database = new MigratedDatabase();

    private final RateLimitOverrides overrides = new RateLimitOverrides(database.jdbc());

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void setWhenTppExistsThenEveryNodeReadsItUntilRemoved() {
        database.jdbc().sql("""
                insert into tpp (id, legal_name, legal_name_en, service_name, service_name_en, representative, address,
                                 contact_phone, contact_email, status, approved_scopes)
                values ('tpp-throttled', '株式会社試験', 'Test K.K.', '試験', 'Test', '代表 試験', '東京都', '03-0000-0000',
                        'a@tpp.example', 'ACTIVE', '{accounts}')""").update();

        overrides.set("tpp-throttled", new RateLimit(5, 10));
        overrides.set("tpp-throttled", new RateLimit(1, 2));

        assertThat(overrides.all()).isEqualTo(Map.of("tpp-throttled", new RateLimit(1, 2)));
        overrides.remove("tpp-throttled");
        assertThat(overrides.all()).isEmpty();
    }

    @Test
    void setWhenNoTppHasTheIdThenRefusedNamingIt() {
        assertThatThrownBy(() -> overrides.set("tpp-nobody", new RateLimit(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no TPP has the id tpp-nobody");
        assertThat(overrides.all()).doesNotContainKey("tpp-nobody");
    }
}
