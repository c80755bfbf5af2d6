package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import jp.kakehashi.banking.transfer.rules.BankCalendar;
import jp.kakehashi.systemtests.support.CustomerAgent;
import net.minidev.json.JSONObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import jp.kakehashi.systemtests.support.AccountBalances;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;

/**
 * The payment API (更新系, B9, B10) through a real FAPI 2.0 client (Nimbus, DPoP) whose customer signed in with a
 * second factor for the {@code transfers} scope: 振込手数料照会 prices a valid request and refuses every class of
 * wrong input with the field and item it concerns, without a side effect.
 */
class TransferApiTest {

    private static final String YAMADA_MAIN = "001011234567";
    private static final String YAMADA_SHIBUYA = "101017654321";
    private static final String YAMADA_SAVINGS = "001042345678";
    private static final String SATO = "102013456789";
    private static final String SHOJI = "001020012345";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Connection yamadaTransfers;

    private final RunningPlatform platform = RunningPlatform.get();

    /** Yamada allowed transfers from his first account (the consent screen's default), after his TOTP step-up. */
    private synchronized ApiClient transfers() throws Exception {
        if (yamadaTransfers == null) {
            yamadaTransfers = withFreshCode(() -> Connection.establish(platform, TestTpp.register(platform,
                    Set.of("accounts", "transfers")), "yamada", "openid", "accounts", "transfers"));
        }
        return new ApiClient(platform, yamadaTransfers);
    }

    /**
     * Runs a sign-in with the demo customers' shared second factor. The bank accepts each TOTP time step once per
     * customer (and the next step's code too), so when other tests have just used both, the sign-in fails: then this
     * waits for the next 30-second step, the one condition that makes a fresh code, and tries again.
     */
    static Connection withFreshCode(java.util.concurrent.Callable<Connection> signIn) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return signIn.call();
            }
            catch (Exception | AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
                long step = System.currentTimeMillis() / 30_000;
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(35))
                        .pollInterval(java.time.Duration.ofMillis(200))
                        .until(() -> System.currentTimeMillis() / 30_000 > step);
            }
        }
    }

    /** A bank business day a week or more ahead: before any cut-off, whatever time the test runs. */
    private static LocalDate businessDayAhead() {
        return BankCalendar.standard().onOrAfter(LocalDate.now(TOKYO).plusDays(7));
    }

    private static String body(String accountId, String date, String count, String total, String... items) {
        String dateField = date == null ? "" : "\"transferDesignatedDate\":\"" + date + "\",";
        return "{\"accountId\":\"" + accountId + "\"," + dateField + "\"totalCount\":\"" + count
                + "\",\"totalAmount\":\"" + total + "\",\"transfers\":[" + String.join(",", items) + "]}";
    }

    private static String item(String itemId, String bank, String branch, String number, String name,
            String amount) {
        return item(itemId, bank, branch, "1", number, name, amount);
    }

    private static String item(String itemId, String bank, String branch, String type, String number, String name,
            String amount) {
        return "{\"itemId\":\"" + itemId + "\",\"transferAmount\":\"" + amount + "\",\"beneficiaryBankCode\":\"" + bank
                + "\",\"beneficiaryBranchCode\":\"" + branch + "\",\"accountTypeCode\":\"" + type
                + "\",\"accountNumber\":\"" + number + "\",\"beneficiaryName\":\"" + name + "\"}";
    }

    /** To Yamada's own savings account at the same branch: free (同一店内), so the debit is the amount. */
    private static String toOwnSavings(String amount) {
        return item("1", "0999", "001", "4", "2345678", "ﾔﾏﾀﾞ ﾀﾛｳ", amount);
    }

    /** The account's balance as the customer's read-only app sees it through the API (B9). */
    private long balance(String accountId) {
        return AccountBalances.of(platform, SHOJI.equals(accountId) ? "kakehashi-shoji"
                : SATO.equals(accountId) ? "sato" : "yamada", accountId);
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    /** The transfer's status as the TPP reads it back (GET /v1/transfers/{applyNo}). */
    private String storedStatus(String applyNo) throws Exception {
        Response stored = transfers().get("/v1/transfers/" + applyNo);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        return (String) stored.json().get("transferStatus");
    }

    private static String toYamada(String amount) {
        return item("1", "0999", "001", "1", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", amount);
    }

    private static String toSato(String amount) {
        return item("1", "0999", "102", "3456789", "サトウ　ハナコ", amount);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> details(Response response) {
        return (List<Map<String, Object>>) response.json().get("errorDetails");
    }

    @Test
    void feeWhenRequestIsValidThenFeeExecutionDateAndZenginNameAreAnswered() throws Exception {
        LocalDate date = businessDayAhead();

        Response fee = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, date.toString(), "1", "5000",
                toSato("5000")));

        assertThat(fee.status()).as(fee.body()).isEqualTo(200);
        assertThat(fee.json()).containsEntry("accountId", YAMADA_MAIN).containsEntry("totalFee", "110")
                .containsEntry("executionDate", date.toString());
        assertThat(fee.json().get("transferFeeDetails")).isEqualTo(List.of(Map.of("itemId", "1", "transferFee", "110",
                "beneficiaryName", "ｻﾄｳ ﾊﾅｺ")));
    }

    @Test
    void feeWhenPayeeIsAtAnotherBankFromTheThresholdThenTheUpperOtherBankFeeApplies() throws Exception {
        Response fee = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, businessDayAhead().toString(), "1",
                "30000", item("1", "0005", "001", "1234", "ｽｽﾞｷ ｲﾁﾛｳ", "30000")));

        assertThat(fee.status()).as(fee.body()).isEqualTo(200);
        assertThat(fee.json()).containsEntry("totalFee", "330");
    }

    @Test
    void feeWhenFieldsBreakZenginRulesThenEveryWrongFieldIsReportedWithItsItem() throws Exception {
        Response refused = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, null, "1", "5000",
                item("7", "99", "102", "3456789", "佐藤花子", "5000")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("errorCode", "INVALID_PARAMETER");
        assertThat(details(refused)).extracting(d -> d.get("errorDetailsCode"), d -> d.get("itemId"),
                d -> d.get("field")).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("BANK_CODE_INVALID", "7", "beneficiaryBankCode"),
                        org.assertj.core.groups.Tuple.tuple("BENEFICIARY_NAME_INVALID", "7", "beneficiaryName"));
    }

    @Test
    void feeWhenAmountIsNotWholeYenThenTheAmountIsRefused() throws Exception {
        Response refused = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, null, "1", "5000.5",
                toSato("5000.5")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(details(refused)).extracting(d -> d.get("errorDetailsCode")).containsExactly("AMOUNT_INVALID");
    }

    /**
     * The contract writes amounts as strings: a number (which Jackson would quietly turn into a string) is refused in
     * both calls with the field and item, and nothing is stored or moved.
     */
    @Test
    void feeAndTransferWhenAmountsAreJsonNumbersThenRefusedWithTheFields() throws Exception {
        String numbers = body(YAMADA_MAIN, businessDayAhead().toString(), "1", "5000",
                toSato("5000").replace("\"transferAmount\":\"5000\"", "\"transferAmount\":5000"))
                .replace("\"totalAmount\":\"5000\"", "\"totalAmount\":5000");
        long before = balance(YAMADA_MAIN);

        for (String path : List.of("/v1/transfers/fee", "/v1/transfers")) {
            Response refused = transfers().post(path, numbers, "Idempotency-Key", key());

            assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
            assertThat(refused.json()).containsEntry("errorCode", "INVALID_PARAMETER");
            assertThat(details(refused)).extracting(d -> d.get("errorDetailsCode"), d -> d.get("itemId"),
                    d -> d.get("field")).as(path).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("VALUE_NOT_A_STRING", null, "totalAmount"),
                            org.assertj.core.groups.Tuple.tuple("VALUE_NOT_A_STRING", "1", "transferAmount"));
        }
        Response decimal = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, null, "1", "5000",
                toSato("5000").replace("\"transferAmount\":\"5000\"", "\"transferAmount\":5e3")));
        assertThat(details(decimal)).extracting(d -> d.get("errorDetailsCode"), d -> d.get("field"))
                .contains(org.assertj.core.groups.Tuple.tuple("VALUE_NOT_A_STRING", "transferAmount"));
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before);
    }

    @Test
    void feeWhenTotalsDoNotRepeatTheItemsThenBothAreRefused() throws Exception {
        Response refused = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, null, "2", "4999",
                toSato("5000")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(details(refused)).extracting(d -> d.get("errorDetailsCode"), d -> d.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TOTAL_COUNT_MISMATCH", "totalCount"),
                        org.assertj.core.groups.Tuple.tuple("TOTAL_AMOUNT_MISMATCH", "totalAmount"));
    }

    @Test
    void feeWhenDateIsInThePastOrNoDateThenTheDateIsRefused() throws Exception {
        Response past = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN,
                LocalDate.now(TOKYO).minusDays(1).toString(), "1", "5000", toSato("5000")));
        Response notADate = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, "2030-02-30", "1", "5000",
                toSato("5000")));
        Response tooFar = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN,
                LocalDate.now(TOKYO).plusDays(31).toString(), "1", "5000", toSato("5000")));

        assertThat(details(past)).extracting(d -> d.get("errorDetailsCode")).containsExactly("TRANSFER_DATE_IN_PAST");
        assertThat(details(notADate)).extracting(d -> d.get("errorDetailsCode"))
                .containsExactly("TRANSFER_DATE_INVALID");
        assertThat(details(tooFar)).extracting(d -> d.get("errorDetailsCode"))
                .containsExactly("TRANSFER_DATE_TOO_FAR");
        assertThat(List.of(past.status(), notADate.status(), tooFar.status())).containsOnly(400);
    }

    @Test
    void feeWhenMoreThanOneItemThenRefusedAsNotSupported() throws Exception {
        Response refused = transfers().post("/v1/transfers/fee", body(YAMADA_MAIN, null, "2", "10000",
                toSato("5000"), item("2", "0999", "102", "3456789", "ｻﾄｳ ﾊﾅｺ", "5000")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("errorCode", "MULTIPLE_TRANSFERS_NOT_SUPPORTED");
    }

    @Test
    void feeWhenDebitAccountIsOutsideTheGrantThenItIsNotFoundLikeAMissingOne() throws Exception {
        Response notChosen = transfers().post("/v1/transfers/fee", body(YAMADA_SHIBUYA, null, "1", "5000",
                toSato("5000")));
        Response anothers = transfers().post("/v1/transfers/fee", body(SATO, null, "1", "5000", toSato("5000")));
        Response missing = transfers().post("/v1/transfers/fee", body("999999999999", null, "1", "5000",
                toSato("5000")));

        for (Response response : List.of(notChosen, anothers, missing)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.body());
            assertThat(response.json()).containsEntry("errorCode", "ACCOUNT_NOT_FOUND");
        }
    }

    @Test
    void feeWhenBodyIsNotJsonThenMalformedRequestNotServerError() throws Exception {
        Response refused = transfers().post("/v1/transfers/fee", "{\"accountId\":");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("errorCode", "INVALID_PARAMETER");
    }

    @Test
    void feeWhenTokenLacksTransfersScopeThenInsufficientScope() throws Exception {
        ApiClient reader = new ApiClient(platform, Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts")), "yamada", "openid", "accounts"));

        Response refused = reader.post("/v1/transfers/fee", body(YAMADA_MAIN, null, "1", "5000", toSato("5000")));
        Response transfer = reader.post("/v1/transfers", body(YAMADA_MAIN, null, "1", "5000", toSato("5000")),
                "Idempotency-Key", key());
        Response listing = reader.get("/v1/transfers");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("errorCode", "INSUFFICIENT_SCOPE");
        assertThat(transfer.status()).isEqualTo(403);
        assertThat(listing.status()).isEqualTo(403);
    }

    @Test
    void transferWhenSameDayThenExecutedAtOnceAndTheBalanceDropsByAmountAndFee() throws Exception {
        long before = balance(YAMADA_MAIN);
        long savingsBefore = balance(YAMADA_SAVINGS);

        Response created = transfers().post("/v1/transfers", body(YAMADA_MAIN, null, "1", "1200",
                toOwnSavings("1200")), "Idempotency-Key", key());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> json = created.json();
        assertThat(json).containsEntry("accountId", YAMADA_MAIN).containsEntry("resultCode", "1")
                .containsEntry("transferStatus", "COMPLETED").containsEntry("fee", "0")
                .containsEntry("totalDebitAmount", "1200")
                .containsEntry("executionDate", LocalDate.now(TOKYO).toString());
        assertThat((String) json.get("applyNo")).matches("[0-9]{16}");
        assertThat((String) json.get("acceptDatetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00");
        assertThat(json).doesNotContainKeys("reservationId");
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before - 1200);
        assertThat(balance(YAMADA_SAVINGS)).isEqualTo(savingsBefore + 1200);
        assertThat(storedStatus((String) json.get("applyNo"))).isEqualTo("COMPLETED");
    }

    @Test
    void transferWhenRetriedWithTheSameKeyThenTheFirstAnswerAgainAndMoneyMovesOnce() throws Exception {
        String key = key();
        String request = body(YAMADA_MAIN, null, "1", "700", toOwnSavings("700"));
        long before = balance(YAMADA_MAIN);

        Response first = transfers().post("/v1/transfers", request, "Idempotency-Key", key);
        Response retry = transfers().post("/v1/transfers", request, "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before - 700);
    }

    @Test
    void transferWhenKeyIsReusedForAnotherRequestThenRefusedAndNothingMoves() throws Exception {
        String key = key();
        Response first = transfers().post("/v1/transfers", body(YAMADA_MAIN, null, "1", "300", toOwnSavings("300")),
                "Idempotency-Key", key);
        long before = balance(YAMADA_MAIN);

        Response reused = transfers().post("/v1/transfers", body(YAMADA_MAIN, null, "1", "301",
                toOwnSavings("301")), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json()).containsEntry("errorCode", "IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before);
    }

    @Test
    void transferWhenIdempotencyKeyIsMissingBlankOrTooLongThenRefused() throws Exception {
        String request = body(YAMADA_MAIN, null, "1", "300", toOwnSavings("300"));
        long before = balance(YAMADA_MAIN);

        Response missing = transfers().post("/v1/transfers", request);
        Response blank = transfers().post("/v1/transfers", request, "Idempotency-Key", "  ");
        Response tooLong = transfers().post("/v1/transfers", request, "Idempotency-Key", "k".repeat(201));

        for (Response response : List.of(missing, blank, tooLong)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(details(response)).extracting(d -> d.get("itemId")).containsExactly("Idempotency-Key");
        }
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before);
    }

    @Test
    void transferWhenDateIsLaterThenStoredAsScheduledWithoutMovingMoney() throws Exception {
        LocalDate date = businessDayAhead();
        long before = balance(YAMADA_MAIN);

        Response created = transfers().post("/v1/transfers", body(YAMADA_MAIN, date.toString(), "1", "4000",
                toSato("4000")), "Idempotency-Key", key());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).containsEntry("transferStatus", "SCHEDULED").containsEntry("resultCode", "2")
                .containsEntry("executionDate", date.toString()).containsEntry("fee", "110")
                .containsEntry("totalDebitAmount", "4110");
        assertThat(storedStatus((String) created.json().get("applyNo"))).isEqualTo("SCHEDULED");
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before);
    }

    @Test
    void transfersWhenListedByStatusThenOnlyThatStatusOfTheCustomerToday() throws Exception {
        Response created = transfers().post("/v1/transfers", body(YAMADA_MAIN, businessDayAhead().toString(), "1",
                "800", toSato("800")), "Idempotency-Key", key());
        String applyNo = (String) created.json().get("applyNo");

        Response scheduled = transfers().get("/v1/transfers?status=SCHEDULED");
        Response failed = transfers().get("/v1/transfers?status=FAILED&dateFrom=" + LocalDate.now(TOKYO));
        Response wrong = transfers().get("/v1/transfers?status=DONE");

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        List<Map<String, Object>> listed = list(scheduled);
        assertThat(listed).extracting(t -> t.get("applyNo")).contains(applyNo);
        assertThat(listed).extracting(t -> t.get("transferStatus")).containsOnly("SCHEDULED");
        assertThat(listed).extracting(t -> t.get("accountId")).containsOnly(YAMADA_MAIN);
        assertThat(scheduled.json()).containsEntry("count", Integer.toString(listed.size()))
                .containsEntry("hasNext", false).containsEntry("dateFrom", LocalDate.now(TOKYO).toString());
        assertThat(list(failed)).extracting(t -> t.get("applyNo")).doesNotContain(applyNo);
        assertThat(wrong.status()).isEqualTo(400);
    }

    @Test
    void transferWhenFetchedByApplyNoThenTheStoredTransfer() throws Exception {
        Response created = transfers().post("/v1/transfers", body(YAMADA_MAIN, null, "1", "150",
                toOwnSavings("150")), "Idempotency-Key", key());
        String applyNo = (String) created.json().get("applyNo");

        Response fetched = transfers().get("/v1/transfers/" + applyNo);
        Response malformed = transfers().get("/v1/transfers/12345");

        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.json()).containsEntry("applyNo", applyNo).containsEntry("transferStatus", "COMPLETED")
                .containsEntry("transferAmount", "150").containsEntry("totalDebitAmount", "150")
                .containsEntry("beneficiaryBranchCode", "001").containsEntry("accountTypeCode", "4")
                .containsEntry("accountNumber", "2345678").containsEntry("acceptDatetime",
                        created.json().get("acceptDatetime"));
        assertThat(malformed.status()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Response response) {
        return (List<Map<String, Object>>) response.json().get("transfers");
    }

    @Test
    void transferWhenRequestIsInvalidThenRefusedLikeTheFeeAndNothingIsStored() throws Exception {
        String key = key();

        Response refused = transfers().post("/v1/transfers", body(YAMADA_MAIN, null, "1", "300",
                item("1", "0999", "001", "4", "2345678", "山田", "300")), "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(details(refused)).extracting(d -> d.get("errorDetailsCode"))
                .containsExactly("BENEFICIARY_NAME_INVALID");
        assertThat(platform.bean(JdbcClient.class).sql("select count(*) from transfers where idempotency_key = ?")
                .param(key).query(Long.class).single()).isZero();
    }

    /** Sato approves one transfer to Yamada (her second factor is not shared with Yamada's tests here). */
    @Test
    void transferWhenGrantApprovedOneTransferThenOnlyThatOneAndOnlyOnce() throws Exception {
        ApiClient client = new ApiClient(platform, withFreshCode(() -> approvedFor("2500")));
        long before = balance(YAMADA_MAIN);

        Response other = client.post("/v1/transfers", body(SATO, null, "1", "2501", toYamada("2501")),
                "Idempotency-Key", key());
        // eight different requests (keys) for the approved transfer at once: the database lets exactly one through
        List<Response> attempts = new java.util.ArrayList<>();
        var gate = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(threads.submit(() -> {
                    gate.await();
                    return client.post("/v1/transfers", body(SATO, null, "1", "2500", toYamada("2500")),
                            "Idempotency-Key", key());
                }));
            }
            gate.countDown();
            for (var future : futures) {
                attempts.add(future.get());
            }
        }
        List<Response> made = attempts.stream().filter(r -> r.status() == 201).toList();
        List<Response> refusedAgain = attempts.stream().filter(r -> r.status() != 201).toList();

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json()).containsEntry("errorCode", "TRANSFER_NOT_AUTHORISED");
        assertThat(made).as("single use").hasSize(1);
        Response approved = made.getFirst();
        assertThat(refusedAgain).hasSize(7).allSatisfy(again -> {
            assertThat(again.status()).isEqualTo(403);
            assertThat(again.json()).containsEntry("errorCode", "TRANSFER_NOT_AUTHORISED");
        });
        assertThat(balance(YAMADA_MAIN)).as("the payee received it once").isEqualTo(before + 2500);

        // Sato's TPP reads the transfer back; Yamada's TPP cannot tell it from a missing one
        String applyNo = (String) approved.json().get("applyNo");
        Response own = client.get("/v1/transfers/" + applyNo);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json()).containsEntry("accountId", SATO).containsEntry("transferStatus", "COMPLETED")
                .containsEntry("transferAmount", "2500").containsEntry("fee", "110")
                .containsEntry("beneficiaryName", "ﾔﾏﾀﾞ ﾀﾛｳ").doesNotContainKeys("reservationId");
        Response anothers = transfers().get("/v1/transfers/" + applyNo);
        Response missing = transfers().get("/v1/transfers/0000000000000000");
        assertThat(anothers.status()).isEqualTo(404);
        assertThat(anothers.body()).isEqualTo(missing.body());
    }

    /** Sato approves, after her second factor, one transfer of {@code amount} yen to Yamada's main account. */
    private Connection approvedFor(String amount) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "transfers"));
        CodeVerifier verifier = new CodeVerifier();
        var detail = new AuthorizationDetail.Builder(new AuthorizationType("kakehashi_transfer"))
                .field("instructedAmount", new JSONObject(Map.of("currency", "JPY", "amount", amount)))
                .field("creditor", new JSONObject(Map.of("bankCode", "0999", "branchCode", "001",
                        "accountTypeCode", "1", "accountNumber", "1234567", "name", "ﾔﾏﾀﾞ ﾀﾛｳ")))
                .build();
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), verifier)
                .authorizationDetails(List.of(detail)).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "sato", "Kakehashi#2026", true);
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var tokens = ((OIDCTokenResponse) OIDCTokenResponseParser.parse(tpp.sendWithDpop(
                tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null)).toSuccessResponse())
                .getOIDCTokens();
        return new Connection(tpp, null, (DPoPAccessToken) tokens.getAccessToken(), tokens.getRefreshToken());
    }

    @Test
    void transferWhenPolicyAllowsOwnAccountsOnlyThenOtherPayeesAreRefused() throws Exception {
        ApiClient client = new ApiClient(platform, withFreshCode(() -> Connection.establish(platform,
                sandboxTpp(platform, "sandbox-own-accounts-tpp"), "yamada", "openid", "accounts", "transfers")));
        long before = balance(YAMADA_MAIN);

        Response toSato = client.post("/v1/transfers", body(YAMADA_MAIN, null, "1", "100", toSato("100")),
                "Idempotency-Key", key());
        Response toOwn = client.post("/v1/transfers", body(YAMADA_MAIN, null, "1", "100", toOwnSavings("100")),
                "Idempotency-Key", key());

        assertThat(toSato.status()).isEqualTo(403);
        assertThat(toSato.json()).containsEntry("errorCode", "PAYEE_NOT_ALLOWED");
        assertThat(toOwn.status()).as(toOwn.body()).isEqualTo(201);
        assertThat(balance(YAMADA_MAIN)).isEqualTo(before - 100);
    }

    /** The corporate customer, so that no customer signs in more often than its second factor's steps allow. */
    @Test
    void transferWhenAboveTheTppsPerTransferLimitThenRefusedNamingTheLimit() throws Exception {
        ApiClient client = new ApiClient(platform, withFreshCode(() -> Connection.establish(platform,
                sandboxTpp(platform, "sandbox-limited-tpp"), "kakehashi-shoji", "openid", "accounts", "transfers")));
        long before = balance(SHOJI);

        Response refused = client.post("/v1/transfers", body(SHOJI, null, "1", "5001", toYamada("5001")),
                "Idempotency-Key", key());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("errorCode", "TRANSFER_LIMIT_EXCEEDED");
        assertThat(details(refused)).extracting(d -> d.get("errorDetailsCode")).containsExactly("PER_TRANSFER_LIMIT");
        assertThat(balance(SHOJI)).isEqualTo(before);
    }

    /**
     * Registers (once per platform) a TPP under an id the bank's sandbox configuration gives its own transfer
     * policy (application.yml, profile demo), with one DPoP-bound private_key_jwt client.
     */
    static synchronized TestTpp sandboxTpp(RunningPlatform platform, String tppId) throws Exception {
        var tpps = platform.bean(jp.kakehashi.tpp.Tpps.class);
        String clientId = tppId + "-client";
        var key = SANDBOX_KEYS.computeIfAbsent(tppId, id -> {
            try {
                return TestTpp.newKey();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        if (tpps.find(tppId).isEmpty()) {
            tpps.register(new jp.kakehashi.tpp.Tpp(tppId, "株式会社サンドボックス", "Sandbox K.K.", "サンドボックス",
                    "Sandbox", "代表取締役 試験 花子", "東京都港区1-2-3", "03-1111-2222", "help@tpp.example",
                    "https://tpp.example/help", "関東財務局長（電代）第99998号", jp.kakehashi.tpp.TppStatus.ACTIVE,
                    Set.of("accounts", "transfers")));
            tpps.registerClient(new jp.kakehashi.tpp.TppClient(clientId, tppId, "Sandbox client",
                    List.of(TestTpp.REDIRECT_URI.toString()), new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK())
                            .toString(), null, jp.kakehashi.tpp.TppClient.AuthMethod.PRIVATE_KEY_JWT, null,
                    jp.kakehashi.tpp.TppClient.SenderConstraint.DPOP));
        }
        return TestTpp.forClient(platform, tppId, clientId, key);
    }

    private static final Map<String, com.nimbusds.jose.jwk.ECKey> SANDBOX_KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();
}
