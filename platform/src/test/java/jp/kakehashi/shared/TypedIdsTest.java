package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed ids and amounts are values where modules meet, yet read and write as the bare strings and numbers the
 * database, the stored events and the API have always held.
 */
class TypedIdsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Holder(TppId tpp, ClientId client, GrantId grant, CustomerId customer, Yen amount) {
    }

    @Test
    void jsonWhenWrittenAndReadThenBareValues() {
        var holder = new Holder(new TppId("tpp-1"), new ClientId("client-1"), new GrantId("g-1"),
                new CustomerId("C0001"), new Yen(1_000));

        String json = JSON.writeValueAsString(holder);

        assertThat(JSON.readValue(json, Map.class)).containsEntry("tpp", "tpp-1").containsEntry("client", "client-1")
                .containsEntry("grant", "g-1").containsEntry("customer", "C0001").containsEntry("amount", 1000);
        assertThat(JSON.readValue(json, Holder.class)).isEqualTo(holder);
    }

    @Test
    void ofWhenAbsentOrBlankThenNoIdAsStoredEventsMayHaveIt() {
        assertThat(TppId.of(null)).isNull();
        assertThat(CustomerId.of("")).isNull();
        assertThat(JSON.readValue("{\"customer\":\"\",\"grant\":null}", Holder.class).customer()).isNull();
    }

    @Test
    void newWhenBlankTooLongOrWithControlCharactersThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GrantId(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientId("a".repeat(256)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TppId("tpp\n1"));
        assertThat(new TppId("tpp-1")).hasToString("tpp-1");
    }

    @Test
    void yenWhenNegativeOrOverflowingThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Yen(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Yen(100).minus(new Yen(101)));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> new Yen(Long.MAX_VALUE).plus(new Yen(1)));
        assertThat(new Yen(1_000).plus(new Yen(110))).isEqualTo(new Yen(1_110)).hasToString("1110");
    }
}
