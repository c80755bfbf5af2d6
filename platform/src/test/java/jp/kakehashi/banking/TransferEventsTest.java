package jp.kakehashi.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.risk.RiskReason;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.Yen;
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
        var changed = new TransferStatusChanged("1234567890123456", new CustomerId("C0001"), new ClientId("client-1"),
                new GrantId("grant-1"), TransferStatus.FAILED, TransferStatusReason.INSUFFICIENT_FUNDS, new Yen(5000),
                new Yen(110), LocalDate.of(2026, 11, 26),
                "0999-001 ****321 ｻﾄｳ ﾊﾅｺ", "家計簿", null, NOW);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(changed));

        assertThat(json.get("status").asString()).isEqualTo("FAILED");
        assertThat(json.get("reasonCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(json.get("customerId").asString()).isEqualTo("C0001");
        assertThat(json.get("grantId").asString()).isEqualTo("grant-1");
        assertThat(json.get("amount").asLong()).isEqualTo(5000);
        assertThat(json.get("fee").asLong()).isEqualTo(110);
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
        assertThat(changed.customerId()).isEqualTo(new CustomerId("C0001"));
        assertThat(changed.amount()).isEqualTo(new Yen(5000));
    }

    @Test
    void refusedWhenSerializedThenTheReasonIsTheApiErrorCode() {
        var refused = new TransferRefused("r-1", new CustomerId("C0001"), new ClientId("client-1"), null,
                TransferRefused.Reason.TRANSFER_LIMIT_EXCEEDED, "DAILY_LIMIT", 5000L, NOW);

        String json = JSON.writeValueAsString(refused);

        assertThat(JSON.readTree(json).get("reasonCode").asString()).isEqualTo("TRANSFER_LIMIT_EXCEEDED");
        assertThat(JSON.readTree(json).get("clientId").asString()).isEqualTo("client-1");
        assertThat(JSON.readValue(json, TransferRefused.class)).isEqualTo(refused);
    }

    @Test
    void refusedWhenStoredBeforeWithoutACustomerThenStillDeserializes() {
        String stored = """
                {"refusalId":"r-1","customerId":"","clientId":"client-1","grantId":null,
                 "reasonCode":"INVALID_PARAMETER","detail":"INVALID_VALUE","amount":null,
                 "occurredAt":"2026-11-26T01:00:00Z"}""";

        var refused = JSON.readValue(stored, TransferRefused.class);

        assertThat(refused.customerId()).isNull();
        assertThat(refused.clientId()).isEqualTo(new ClientId("client-1"));
        assertThat(refused.reasonCode()).isEqualTo(TransferRefused.Reason.INVALID_PARAMETER);
    }

    @Test
    void statusReasonWhenTheCoreOrARuleGivesAnyOfItsReasonsThenOneOfTheClosedList() {
        assertThat(Arrays.stream(TransferRejection.values()).map(TransferStatusReason::of)).doesNotContainNull();
        assertThat(Arrays.stream(PostRefusal.values()).map(TransferStatusReason::of)).doesNotContainNull();
        assertThat(Arrays.stream(RiskReason.values()).map(TransferStatusReason::of)).doesNotContainNull();
    }
}
