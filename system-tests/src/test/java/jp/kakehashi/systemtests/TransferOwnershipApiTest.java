package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.banking.transfer.Cancellation;
import jp.kakehashi.banking.transfer.TransferDesk;
import jp.kakehashi.banking.transfer.rules.BankCalendar;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;

/**
 * B2, D1: a transfer is the TPP's that made it. Another client of that TPP (its other app, with its own grant of the
 * customer over the account) reads and may cancel it; a client of another TPP, though the same customer gave it
 * the {@code transfers} right over the same account, finds nothing: 404 {@code NOT_FOUND} as for a missing apply
 * number, and the list leaves the transfer out.
 */
class TransferOwnershipApiTest {

    private static final String YAMADA_MAIN = "001011234567";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void readAndCancelWhenAnotherClientOfTheTppOrAnotherTppThenOnlyTheTppThatMadeItFindsIt() throws Exception {
        TestTpp maker = TestTpp.register(platform, Set.of("accounts", "transfers"));
        TestTpp sibling = secondClientOf(maker);
        TestTpp other = TestTpp.register(platform, Set.of("accounts", "transfers"));
        ApiClient makerApi = connect(maker);
        ApiClient siblingApi = connect(sibling);
        ApiClient otherApi = connect(other);

        Response made = makerApi.post("/v1/transfers", scheduledToOwnSavings("1500"), "Idempotency-Key",
                "owner-" + UUID.randomUUID());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String applyNo = (String) made.json().get("applyNo");

        Response otherReads = otherApi.get("/v1/transfers/" + applyNo);
        assertThat(otherReads.status()).as(otherReads.body()).isEqualTo(404);
        assertThat(otherReads.json()).containsEntry("errorCode", "NOT_FOUND");
        assertThat(applyNos(otherApi.get("/v1/transfers"))).doesNotContain(applyNo);
        Response otherCancels = otherApi.post("/v1/transfers/" + applyNo + "/cancel", "");
        assertThat(otherCancels.status()).as(otherCancels.body()).isEqualTo(404);
        assertThat(otherCancels.json()).containsEntry("errorCode", "NOT_FOUND");

        Response siblingReads = siblingApi.get("/v1/transfers/" + applyNo);
        assertThat(siblingReads.status()).as(siblingReads.body()).isEqualTo(200);
        assertThat(siblingReads.json()).containsEntry("transferStatus", "SCHEDULED");
        assertThat(applyNos(siblingApi.get("/v1/transfers"))).contains(applyNo);
        assertThat(applyNos(makerApi.get("/v1/transfers"))).contains(applyNo);
        Response siblingCancels = siblingApi.post("/v1/transfers/" + applyNo + "/cancel", "");
        assertThat(siblingCancels.status()).as(siblingCancels.body()).isEqualTo(200);
        assertThat(siblingCancels.json()).containsEntry("transferStatus", "CANCELLED");
    }

    /**
     * B3, B5: a sibling client of the TPP whose grant is read-only ({@code accounts}) can neither cancel nor read the
     * customer's transfers: the payment right is needed for every call under {@code /v1/transfers}, and the desk
     * itself refuses a cancel under a grant without it.
     */
    @Test
    void cancelWhenASiblingClientHoldsOnlyAReadGrantThenInsufficientScopeAndTheTransferStays() throws Exception {
        TestTpp maker = TestTpp.register(platform, Set.of("accounts", "transfers"));
        TestTpp sibling = secondClientOf(maker);
        ApiClient makerApi = connect(maker);
        Connection readOnly = TransferApiTest.withFreshCode(() -> Connection.establish(platform, sibling, "yamada",
                "openid", "accounts"));
        ApiClient readerApi = new ApiClient(platform, readOnly);

        Response made = makerApi.post("/v1/transfers", scheduledToOwnSavings("1600"), "Idempotency-Key",
                "owner-" + UUID.randomUUID());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String applyNo = (String) made.json().get("applyNo");

        Response cancels = readerApi.post("/v1/transfers/" + applyNo + "/cancel", "");
        assertThat(cancels.status()).as(cancels.body()).isEqualTo(403);
        assertThat(cancels.json()).containsEntry("errorCode", "INSUFFICIENT_SCOPE");
        assertThat(cancels.header("WWW-Authenticate")).as("refused by the resource server, before the desk")
                .contains("insufficient_scope");
        Response reads = readerApi.get("/v1/transfers/" + applyNo);
        assertThat(reads.status()).as(reads.body()).isEqualTo(403);
        assertThat(reads.json()).containsEntry("errorCode", "INSUFFICIENT_SCOPE");
        // the desk holds the rule too, whatever a token in hand claims
        var caller = new TransferDesk.Caller(new CustomerId(platform.bean(Grants.class).find(readOnly.grantId())
                .orElseThrow().customerId()), new TppId(maker.tppId()), new ClientId(sibling.clientId().getValue()),
                new GrantId(readOnly.grantId()), true, null);
        assertThat(platform.bean(TransferDesk.class).cancel(caller, List.of(YAMADA_MAIN), applyNo))
                .isInstanceOf(Cancellation.NotPermitted.class);

        Response stays = makerApi.get("/v1/transfers/" + applyNo);
        assertThat(stays.json()).containsEntry("transferStatus", "SCHEDULED");
    }

    /** The TPP's other app: a second client of the same TPP, with a key of its own. */
    private TestTpp secondClientOf(TestTpp tpp) throws Exception {
        ECKey key = TestTpp.newKey();
        String clientId = tpp.clientId().getValue() + "-ios";
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, tpp.tppId(), "Test client (iOS)",
                List.of(TestTpp.REDIRECT_URI.toString()), new JWKSet(key.toPublicJWK()).toString(), null,
                TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP));
        return TestTpp.forClient(platform, tpp.tppId(), clientId, key);
    }

    private ApiClient connect(TestTpp tpp) throws Exception {
        return new ApiClient(platform, TransferApiTest.withFreshCode(() -> Connection.establish(platform, tpp, "yamada",
                "openid", "accounts", "transfers")));
    }

    /** To Yamada's own savings account at the same branch (free), on a business day a week ahead: cancellable. */
    private static String scheduledToOwnSavings(String amount) {
        LocalDate date = BankCalendar.standard().onOrAfter(LocalDate.now(TOKYO).plusDays(7));
        return "{\"accountId\":\"" + YAMADA_MAIN + "\",\"transferDesignatedDate\":\"" + date + "\",\"totalCount\":\"1\","
                + "\"totalAmount\":\"" + amount + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + amount
                + "\",\"beneficiaryBankCode\":\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"4\","
                + "\"accountNumber\":\"2345678\",\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}";
    }

    @SuppressWarnings("unchecked")
    private static List<String> applyNos(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) list.json().get("transfers")).stream()
                .map(t -> (String) t.get("applyNo")).toList();
    }
}
