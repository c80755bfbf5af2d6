package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.banking.TransferRefused;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.transfer.rules.TransferItemInput;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.risk.TransferRiskPolicy;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.shared.Yen;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transfer desk decides a request and publishes every refusal itself, with its closed reason and the detail the
 * audit log keeps (C3 "every rejection is an audited event with its reason code"); the controller only maps the
 * outcome to HTTP.
 */
class TransferDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final List<String> ACCOUNTS = List.of("001011234567");

    private final Transfers transfers = mock(Transfers.class);
    private final TransferExecution execution = mock(TransferExecution.class);
    private final TransferQuotes quotes = mock(TransferQuotes.class);
    private final TransferRefusals refusals = mock(TransferRefusals.class);
    private final TransferDesk desk = new TransferDesk(transfers, mock(CoreBanking.class), mock(Grants.class),
            execution, mock(TransferLifecycle.class), mock(TransferRiskPolicy.class), mock(CustomerTotals.class),
            mock(PlatformTransactionManager.class), new TransferProperties(null, 30, java.util.Set.of(), null, false,
                    null, null), Clock.fixed(NOW, ZoneOffset.UTC), quotes, refusals);
    private final TransferDesk.Caller caller = new TransferDesk.Caller(new CustomerId("C0001"), new TppId("tpp-1"),
            new ClientId("client-1"), new GrantId("grant-1"), true, null);
    private final TransferOrder order = new TransferOrder("001011234567", null, null, null, "1", "5000",
            List.of(new TransferItemInput("1", "0999", "001", "1", "7654321", "ｻﾄｳ ﾊﾅｺ", "5000", null)));

    @Test
    void transferWhenTheIdempotencyKeyIsMissingThenRefusedAndPublishedWithTheRequestedAmount() {
        TransferOutcome outcome = desk.transfer(caller, ACCOUNTS, " ", order);

        assertThat(outcome).isInstanceOfSatisfying(TransferOutcome.InvalidParameter.class, refused -> {
            assertThat(refused.reason()).isEqualTo(TransferRefused.Reason.INVALID_PARAMETER);
            assertThat(refused.detail()).isEqualTo("INVALID_VALUE Idempotency-Key");
        });
        verify(refusals).record(caller, (TransferOutcome.Refused) outcome, 5000L);
        verify(quotes, never()).quote(anyString(), anyList(), any());
    }

    @Test
    void transferWhenTheKeyWasUsedForAnotherRequestThenKeyReusedIsPublished() {
        when(transfers.byKey("client-1", "key-1")).thenReturn(Optional.of(stored("another fingerprint")));

        TransferOutcome outcome = desk.transfer(caller, ACCOUNTS, "key-1", order);

        assertThat(outcome).isEqualTo(new TransferOutcome.KeyReused());
        verify(refusals).record(caller, new TransferOutcome.KeyReused(), 5000L);
    }

    @Test
    void transferWhenTheSameRequestIsRetriedThenItsTransferAndNoRefusal() {
        Transfer first = stored(Fingerprint.of("C0001", order));
        when(transfers.byKey("client-1", "key-1")).thenReturn(Optional.of(first));
        when(execution.drive(first)).thenReturn(first);

        TransferOutcome outcome = desk.transfer(caller, ACCOUNTS, "key-1", order);

        assertThat(outcome).isEqualTo(new TransferOutcome.Accepted(first));
        verify(refusals, never()).record(any(), any(), any());
    }

    @Test
    void transferWhenPricingRefusesTheDebitAccountThenThatRefusalIsPublished() {
        when(transfers.byKey("client-1", "key-1")).thenReturn(Optional.empty());
        when(quotes.quote("C0001", ACCOUNTS, order))
                .thenReturn(new TransferQuotes.Refused(new TransferOutcome.AccountNotFound()));

        TransferOutcome outcome = desk.transfer(caller, ACCOUNTS, "key-1", order);

        assertThat(outcome).isEqualTo(new TransferOutcome.AccountNotFound());
        verify(refusals).record(eq(caller), eq(new TransferOutcome.AccountNotFound()), eq(5000L));
    }

    @Test
    void refuseWhenTheBodyIsUnreadableThenPublishedWithoutAmount() {
        var unreadable = new TransferOutcome.InvalidParameter(null, "the request is malformed");

        assertThat(desk.refuse(caller, unreadable)).isSameAs(unreadable);
        verify(refusals).record(caller, unreadable, null);
    }

    private static Transfer stored(String fingerprint) {
        return new Transfer("1234567890123456", "client-1", "grant-1", "C0001", "key-1", fingerprint, "001011234567",
                new Payee("0999", "001", "1", "7654321", "ｻﾄｳ ﾊﾅｺ"), null, "", new Yen(5_000), new Yen(110),
                LocalDate.of(2026, 11, 26),
                TransferStatus.COMPLETED, null, null, NOW, null);
    }
}
