package jp.kakehashi.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.risk.RiskReason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transfer events carry closed values (C3), yet are stored in Spring Modulith's event publication registry as the
 * same JSON as when they carried strings: publications stored before still deserialize, and the audit log reads the
 * same names.
 */
class TransferEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @Test
    void statusChangedWhenSerializedThenStatusAndReasonAreTheirNames() {
        var changed = new TransferStatusChanged("1234567890123456", "C0001", "client-1", "grant-1",
                TransferStatus.FAILED, TransferStatusReason.INSUFFICIENT_FUNDS, 5000, 110, LocalDate.of(2026, 11, 26),
                "0999-001 ****321 ｻﾄｳ ﾊﾅｺ", "家計簿", null, NOW);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(changed));

        assertThat(json.get("status").asString()).isEqualTo("FAILED");
        assertThat(json.get("reasonCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void statusChangedWhenStoredWithStringsBeforeThenStillDeserializes() {
        String stored = """
                {"applyNo":"1234567890123456","customerId":"C0001","clientId":"client-1","grantId":"grant-1",
                 "status":"CANCELLED","reasonCode":"CANCELLED_BY_TPP","amount":5000,"fee":110,
                 "executionDate":"2026-11-26","payee":"0999-001 ****321 ｻﾄｳ ﾊﾅｺ","serviceName":null,
                 "confirmBy":null,"occurredAt":"2026-11-26T01:00:00Z"}""";

        var changed = JSON.readValue(stored, TransferStatusChanged.class);

        assertThat(changed.status()).isEqualTo(TransferStatus.CANCELLED);
        assertThat(changed.reasonCode()).isEqualTo(TransferStatusReason.CANCELLED_BY_TPP);
    }

    @Test
    void refusedWhenSerializedThenTheReasonIsTheApiErrorCode() {
        var refused = new TransferRefused("r-1", "C0001", "client-1", "grant-1",
                TransferRefused.Reason.TRANSFER_LIMIT_EXCEEDED, "DAILY_LIMIT", 5000L, NOW);

        String json = JSON.writeValueAsString(refused);

        assertThat(JSON.readTree(json).get("reasonCode").asString()).isEqualTo("TRANSFER_LIMIT_EXCEEDED");
        assertThat(JSON.readValue(json, TransferRefused.class)).isEqualTo(refused);
    }

    @Test
    void statusReasonWhenTheCoreOrARuleGivesAnyOfItsReasonsThenOneOfTheClosedList() {
        assertThat(Arrays.stream(TransferRejection.values()).map(TransferStatusReason::of)).doesNotContainNull();
        assertThat(Arrays.stream(PostRefusal.values()).map(TransferStatusReason::of)).doesNotContainNull();
        assertThat(Arrays.stream(RiskReason.values()).map(TransferStatusReason::of)).doesNotContainNull();
    }
}
