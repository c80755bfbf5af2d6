package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.AuditEvents;
import jp.kakehashi.audit.AuditEvents.AuditEvent;
import jp.kakehashi.banking.transfer.TransferScheduler;
import jp.kakehashi.banking.transfer.rules.BankCalendar;
import jp.kakehashi.systemtests.support.AccountBalances;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestMailbox;
import jp.kakehashi.systemtests.support.TestTpp;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The life of a transfer after the request (B10, C3) through a real FAPI client: cancel (取消), scheduled execution on
 * its date, out-of-band confirmation that runs out, and for every status and every refusal an audited event with its
 * reason code (C3) and a notice to the customer by mail (B10), received by a real SMTP server.
 *
 * <p>Customer: yamada (C0001), whose notices go to yamada.taro@example.jp.
 */
class TransferLifecycleApiTest {

    private static final String YAMADA_MAIN = "001011234567";
    private static final String YAMADA_MAIL = "yamada.taro@example.jp";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Connection yamada;
    private static Connection yamadaConfirmFirst;

    private final RunningPlatform platform = RunningPlatform.get();
    private final TestMailbox mailbox = TestMailbox.get();

    private synchronized ApiClient transfers() throws Exception {
        if (yamada == null) {
            yamada = TransferApiTest.withFreshCode(() -> Connection.establish(platform, TestTpp.register(platform,
                    Set.of("accounts", "transfers")), "yamada", "openid", "accounts", "transfers"));
        }
        return new ApiClient(platform, yamada);
    }

    /** A TPP whose transfers above 10,000 yen the bank's sandbox policy holds for the customer's confirmation. */
    private synchronized ApiClient confirmFirstTransfers() throws Exception {
        if (yamadaConfirmFirst == null) {
            yamadaConfirmFirst = TransferApiTest.withFreshCode(() -> Connection.establish(platform,
                    TransferApiTest.sandboxTpp(platform, "sandbox-confirm-tpp"), "yamada", "openid", "accounts",
                    "transfers"));
        }
        return new ApiClient(platform, yamadaConfirmFirst);
    }

    private static String body(String date, String amount) {
        String dateField = date == null ? "" : "\"transferDesignatedDate\":\"" + date + "\",";
        // to Yamada's own savings account at the same branch: free (同一店内)
        return "{\"accountId\":\"" + YAMADA_MAIN + "\"," + dateField + "\"totalCount\":\"1\",\"totalAmount\":\""
                + amount + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + amount
                + "\",\"beneficiaryBankCode\":\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"4\","
                + "\"accountNumber\":\"2345678\",\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}";
    }

    private static LocalDate businessDayAhead() {
        return BankCalendar.standard().onOrAfter(LocalDate.now(TOKYO).plusDays(7));
    }

    private static String key() {
        return "lifecycle-" + UUID.randomUUID();
    }

    /** Yamada's main account's balance, as his read-only app sees it through the API (B9). */
    private long balance() {
        return AccountBalances.of(platform, "yamada", YAMADA_MAIN);
    }

    /** The audited events of a transfer, once the asynchronous audit trail has written {@code expected} of them. */
    private List<AuditEvent> audited(String applyNo, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.bean(AuditEvents.class).about(applyNo), events -> events.size() >= expected);
    }

    private AuditEvent refusalAudited(String customerId, Instant since, String reasonCode) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.bean(AuditEvents.class).ofCustomer(customerId, since).stream()
                        .filter(e -> e.eventType().equals("transfer.refused") && reasonCode.equals(e.reasonCode()))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void cancelWhenScheduledThenCancelledOnceAuditedAndTheCustomerIsTold() throws Exception {
        Response created = transfers().post("/v1/transfers", body(businessDayAhead().toString(), "2100"),
                "Idempotency-Key", key());
        String applyNo = (String) created.json().get("applyNo");

        Response cancelled = transfers().post("/v1/transfers/" + applyNo + "/cancel", "");
        Response again = transfers().post("/v1/transfers/" + applyNo + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("transferStatus", "CANCELLED")
                .containsEntry("cancelReason", "CANCELLED_BY_TPP").containsEntry("applyNo", applyNo);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("transferStatus", "CANCELLED");
        assertThat(transfers().get("/v1/transfers/" + applyNo).json()).containsEntry("transferStatus", "CANCELLED")
                .containsEntry("cancelReason", "CANCELLED_BY_TPP").doesNotContainKey("failureReason");
        assertThat(audited(applyNo, 2)).extracting(AuditEvent::outcome, AuditEvent::reasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SCHEDULED", null),
                        org.assertj.core.groups.Tuple.tuple("CANCELLED", "CANCELLED_BY_TPP"));
        var notice = mailbox.await(YAMADA_MAIL, mail -> mail.text().contains(applyNo)
                && mail.subject().contains("取り消し"));
        assertThat(notice.subject()).isEqualTo("【架け橋銀行】振込を取り消しました(「" + yamadaServiceName() + "」からのご依頼)");
        assertThat(notice.text()).contains("振込金額: 2,100円", "CANCELLED_BY_TPP", "0999-001 ****678 ﾔﾏﾀﾞ ﾀﾛｳ")
                .doesNotContain("http");
    }

    @Test
    void cancelWhenTheTransferRanAlreadyThenRefusedAsNotCancellable() throws Exception {
        Response created = transfers().post("/v1/transfers", body(null, "150"), "Idempotency-Key", key());
        String applyNo = (String) created.json().get("applyNo");

        Response refused = transfers().post("/v1/transfers/" + applyNo + "/cancel", "");

        assertThat(created.json()).containsEntry("transferStatus", "COMPLETED");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("errorCode", "TRANSFER_NOT_CANCELLABLE");
        assertThat(transfers().get("/v1/transfers/" + applyNo).json()).containsEntry("transferStatus", "COMPLETED");
        var notice = mailbox.await(YAMADA_MAIL, mail -> mail.text().contains(applyNo));
        assertThat(notice.subject()).contains("振込が完了しました");
    }

    @Test
    void cancelWhenAnotherClientsTransferOrMalformedThenNotFoundOrInvalid() throws Exception {
        Response created = transfers().post("/v1/transfers", body(businessDayAhead().toString(), "2200"),
                "Idempotency-Key", key());
        String applyNo = (String) created.json().get("applyNo");

        Response otherClient = confirmFirstTransfers().post("/v1/transfers/" + applyNo + "/cancel", "");
        Response malformed = transfers().post("/v1/transfers/12345/cancel", "");

        assertThat(otherClient.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(transfers().get("/v1/transfers/" + applyNo).json()).containsEntry("transferStatus", "SCHEDULED");
    }

    @Test
    void schedulerWhenTheDateComesThenTheScheduledTransferRunsOnceAndTheCustomerIsTold() throws Exception {
        LocalDate date = businessDayAhead();
        Response created = transfers().post("/v1/transfers", body(date.toString(), "3300"), "Idempotency-Key", key());
        String applyNo = (String) created.json().get("applyNo");
        var scheduler = platform.bean(TransferScheduler.class);

        scheduler.runOnce(date.minusDays(1), Instant.now());
        String dayBefore = (String) transfers().get("/v1/transfers/" + applyNo).json().get("transferStatus");
        // other tests' transfers due by then run too, from this account and into it
        long before = balance();
        var jdbc = platform.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String[] due = jdbc.sql("select apply_no from transfers where status = 'SCHEDULED' and execution_date <= ?")
                .param(date).query(String.class).list().toArray(String[]::new);
        scheduler.runOnce(date, Instant.now());
        scheduler.runOnce(date, Instant.now());

        assertThat(dayBefore).isEqualTo("SCHEDULED");
        assertThat(due).contains(applyNo);
        assertThat(transfers().get("/v1/transfers/" + applyNo).json()).containsEntry("transferStatus", "COMPLETED");
        // every due transfer ran to its end (completed, or failed by the core), none is left behind
        assertThat(jdbc.sql("select count(*) from transfers where apply_no = any(?) and status in ('SCHEDULED',"
                + " 'ACCEPTED')").param(due).query(Long.class).single()).isZero();
        long debited = jdbc.sql("select coalesce(sum(amount + fee), 0) from transfers where apply_no = any(?)"
                + " and status = 'COMPLETED' and account_id = ?").params(due, YAMADA_MAIN).query(Long.class).single();
        long credited = jdbc.sql("select coalesce(sum(amount), 0) from transfers where apply_no = any(?)"
                + " and status = 'COMPLETED' and payee_bank_code = '0999' and payee_branch_code = '001'"
                + " and payee_account_number = '1234567'").param(due).query(Long.class).single();
        assertThat(balance()).isEqualTo(before - debited + credited);
        assertThat(audited(applyNo, 2)).extracting(AuditEvent::outcome).containsExactly("SCHEDULED", "COMPLETED");
        assertThat(mailbox.await(YAMADA_MAIL, mail -> mail.text().contains(applyNo)
                && mail.subject().contains("完了")).text()).contains("振込指定日: " + date);
    }

    @Test
    void transferWhenAboveThePolicysConfirmationAmountThenItWaitsAndFailsWhenNotConfirmedInTime() throws Exception {
        long before = balance();
        String key = key();
        String request = body(null, "10001");

        Response created = confirmFirstTransfers().post("/v1/transfers", request, "Idempotency-Key", key);
        String applyNo = (String) created.json().get("applyNo");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).containsEntry("transferStatus", "AWAITING_CONFIRMATION")
                .containsEntry("resultCode", "2");
        Instant confirmBy = java.time.OffsetDateTime.parse((String) created.json().get("confirmBy")).toInstant();
        assertThat(confirmBy).isBetween(Instant.now().plus(Duration.ofMinutes(29)),
                Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(balance()).isEqualTo(before);
        var notice = mailbox.await(YAMADA_MAIL, mail -> mail.text().contains(applyNo));
        assertThat(notice.subject()).contains("振込のご確認をお願いします");
        assertThat(notice.text()).contains("10,001円", "ログインし", "確認待ちの振込").doesNotContain("http");

        platform.bean(TransferScheduler.class).runOnce(LocalDate.now(TOKYO), confirmBy.plusSeconds(1));

        Response fetched = confirmFirstTransfers().get("/v1/transfers/" + applyNo);
        Response retried = confirmFirstTransfers().post("/v1/transfers", request, "Idempotency-Key", key);
        assertThat(fetched.json()).containsEntry("transferStatus", "FAILED")
                .containsEntry("failureReason", "CONFIRMATION_EXPIRED");
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.json()).containsEntry("errorCode", "CONFIRMATION_EXPIRED");
        assertThat(balance()).isEqualTo(before);
        assertThat(audited(applyNo, 2)).extracting(AuditEvent::outcome, AuditEvent::reasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AWAITING_CONFIRMATION",
                        "AMOUNT_ABOVE_CONFIRMATION_THRESHOLD"),
                        org.assertj.core.groups.Tuple.tuple("FAILED", "CONFIRMATION_EXPIRED"));
    }

    @Test
    void transferWhenAtThePolicysConfirmationAmountThenItRunsAtOnce() throws Exception {
        Response created = confirmFirstTransfers().post("/v1/transfers", body(null, "10000"), "Idempotency-Key",
                key());

        assertThat(created.json()).containsEntry("transferStatus", "COMPLETED").doesNotContainKey("confirmBy");
    }

    @Test
    void transferWhenRefusedThenEveryRefusalIsAuditedWithItsReasonCode() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        String key = key();
        transfers().post("/v1/transfers", body(null, "120"), "Idempotency-Key", key);

        Response reused = transfers().post("/v1/transfers", body(null, "121"), "Idempotency-Key", key);
        Response invalid = transfers().post("/v1/transfers", body(null, "12.5"), "Idempotency-Key", key());
        Response noKey = transfers().post("/v1/transfers", body(null, "122"));

        assertThat(List.of(reused.status(), invalid.status(), noKey.status())).containsExactly(422, 400, 400);
        assertThat(refusalAudited("C0001", since, "IDEMPOTENCY_KEY_REUSED").details()).containsEntry("amount", 121);
        assertThat(refusalAudited("C0001", since, "INVALID_PARAMETER").details())
                .containsKey("detail");
        assertThat(platform.bean(AuditEvents.class).ofCustomer("C0001", since)).filteredOn(
                e -> e.eventType().equals("transfer.refused")).allSatisfy(e -> {
                    assertThat(e.clientId()).isEqualTo(yamada.tpp().clientId().getValue());
                    assertThat(e.outcome()).isEqualTo("REFUSED");
                });
    }

    @Test
    void transferWhenTheCoreRefusesThenTheFailureIsAuditedWithTheCoresReason() throws Exception {
        // a payee at this bank whose account does not exist: only the core system knows
        String toNobody = body(null, "130").replace("\"accountNumber\":\"2345678\"", "\"accountNumber\":\"7654320\"");

        Response refused = transfers().post("/v1/transfers", toNobody, "Idempotency-Key", key());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("errorCode", "PAYEE_ACCOUNT_NOT_FOUND");
        // the TPP finds the refused transfer among its failed ones, with the core's reason
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failed = (List<Map<String, Object>>) transfers().get("/v1/transfers?status=FAILED")
                .json().get("transfers");
        List<Map<String, Object>> toNobodys = failed.stream().filter(t -> "7654320".equals(t.get("accountNumber")))
                .toList();
        assertThat(toNobodys).as("today's failed transfers: %s", failed).hasSize(1);
        Map<String, Object> stored = toNobodys.getFirst();
        assertThat(stored).containsEntry("failureReason", "PAYEE_ACCOUNT_NOT_FOUND")
                .containsEntry("transferAmount", "130");
        assertThat(audited((String) stored.get("applyNo"), 1)).extracting(AuditEvent::outcome, AuditEvent::reasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FAILED", "PAYEE_ACCOUNT_NOT_FOUND"));
    }

    @Test
    void schedulerWhenATransferWasLeftAcceptedByAStoppedNodeThenItFinishesItOnce() throws Exception {
        // a transfer as a node leaves it when it stops right after storing it: accepted, the core never asked
        Response template = transfers().post("/v1/transfers", body(null, "160"), "Idempotency-Key", key());
        var jdbc = platform.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String stranded = String.format("%016d", java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(10_000_000_000_000_000L));
        jdbc.sql("""
                insert into transfers (apply_no, client_id, grant_id, customer_id, idempotency_key, fingerprint,
                    account_id, payee_bank_code, payee_branch_code, payee_account_type_code, payee_account_number,
                    payee_name, remitter_name, edi_info, amount, fee, execution_date, status, accepted_at, tpp_id)
                select ?, client_id, grant_id, customer_id, ?, fingerprint, account_id, payee_bank_code,
                    payee_branch_code, payee_account_type_code, payee_account_number, payee_name, remitter_name,
                    edi_info, 170, fee, execution_date, 'ACCEPTED', now() - interval '1 minute', tpp_id
                from transfers where apply_no = ?
                """).params(stranded, key(), template.json().get("applyNo")).update();
        long before = balance();
        var scheduler = platform.bean(TransferScheduler.class);

        scheduler.runOnce(LocalDate.now(TOKYO), Instant.now());
        scheduler.runOnce(LocalDate.now(TOKYO), Instant.now());

        assertThat(transfers().get("/v1/transfers/" + stranded).json()).containsEntry("transferStatus", "COMPLETED");
        assertThat(balance()).isEqualTo(before - 170);
        assertThat(audited(stranded, 1)).extracting(AuditEvent::outcome).containsExactly("COMPLETED");
    }

    @Test
    void transferWhenTheTppReportsFailedSignInsThenTheCustomerConfirmsOrItIsDeclined() throws Exception {
        Instant since = Instant.now().minusSeconds(1);

        Response held = transfers().post("/v1/transfers", body(null, "180"), "Idempotency-Key", key(),
                "x-kakehashi-auth-failure-count", "4");
        Response declined = transfers().post("/v1/transfers", body(null, "190"), "Idempotency-Key", key(),
                "x-kakehashi-auth-failure-count", "12");

        assertThat(held.json()).containsEntry("transferStatus", "AWAITING_CONFIRMATION");
        assertThat(audited((String) held.json().get("applyNo"), 1)).extracting(AuditEvent::reasonCode)
                .containsExactly("TPP_REPORTED_AUTH_FAILURES");
        // nor which rule holds a transfer back: the record shows no reason while it waits
        assertThat(transfers().get("/v1/transfers/" + held.json().get("applyNo")).json())
                .containsEntry("transferStatus", "AWAITING_CONFIRMATION").doesNotContainKeys("failureReason",
                        "cancelReason");
        assertThat(declined.status()).isEqualTo(403);
        // the TPP is not told which rule declined it; the audit log is
        assertThat(declined.json()).containsEntry("errorCode", "TRANSFER_DECLINED").doesNotContainKey("errorDetails");
        assertThat(declined.body()).doesNotContain("TPP_REPORTED_AUTH_FAILURES");
        assertThat(refusalAudited("C0001", since, "TRANSFER_DECLINED").details())
                .containsEntry("detail", "TPP_REPORTED_AUTH_FAILURES").containsEntry("amount", 190);
    }

    @Test
    void transferWhenAFirstLargeTransferToANewPayeeThenItWaitsForTheCustomersConfirmation() throws Exception {
        // to Kakehashi Shoji's current account, a payee Yamada never paid: above the rule's 100,000 yen
        String toShoji = "{\"accountId\":\"" + YAMADA_MAIN + "\",\"totalCount\":\"1\",\"totalAmount\":\"100001\","
                + "\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"100001\",\"beneficiaryBankCode\":\"0999\","
                + "\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"2\",\"accountNumber\":\"0012345\","
                + "\"beneficiaryName\":\"ｶ)ｶｹﾊｼｼﾖｳｼﾞ\"}]}";
        long before = balance();

        Response held = transfers().post("/v1/transfers", toShoji, "Idempotency-Key", key());
        Response ownAccount = transfers().post("/v1/transfers", body(null, "100001"), "Idempotency-Key", key());

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json()).containsEntry("transferStatus", "AWAITING_CONFIRMATION");
        assertThat(audited((String) held.json().get("applyNo"), 1)).extracting(AuditEvent::reasonCode)
                .containsExactly("NEW_PAYEE_LARGE_AMOUNT");
        assertThat(ownAccount.json()).containsEntry("transferStatus", "COMPLETED");
        assertThat(balance()).isEqualTo(before - 100_001);
        transfers().post("/v1/transfers/" + held.json().get("applyNo") + "/cancel", "");
    }

    @Test
    void totalsWhenTransfersFailOrAreCancelledThenTheRunningTotalsEqualTheSumOfTheTransfersThatCount()
            throws Exception {
        String scheduled = (String) transfers().post("/v1/transfers", body(businessDayAhead().toString(), "2300"),
                "Idempotency-Key", key()).json().get("applyNo");
        transfers().post("/v1/transfers/" + scheduled + "/cancel", "");
        transfers().post("/v1/transfers", body(null, "140").replace("\"accountNumber\":\"2345678\"",
                "\"accountNumber\":\"7654321\""), "Idempotency-Key", key());
        transfers().post("/v1/transfers", body(null, "150"), "Idempotency-Key", key());

        // B10: the limits read running totals; they must equal the sum the limits are defined by
        Map<String, Object> totals = platform.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                select l.day_total, l.month_total,
                    (select coalesce(sum(amount), 0) from transfers t where t.customer_id = l.customer_id
                        and t.status not in ('FAILED', 'CANCELLED')
                        and t.accepted_at >= (l.day::timestamp at time zone 'Asia/Tokyo')) as day_sum,
                    (select coalesce(sum(amount), 0) from transfers t where t.customer_id = l.customer_id
                        and t.status not in ('FAILED', 'CANCELLED')
                        and t.accepted_at >= (l.month::timestamp at time zone 'Asia/Tokyo')) as month_sum
                from transfer_customer_locks l where l.customer_id = 'C0001'
                """).query().singleRow();
        assertThat(((Number) totals.get("day_total")).longValue()).isPositive()
                .isEqualTo(((Number) totals.get("day_sum")).longValue());
        assertThat(((Number) totals.get("month_total")).longValue())
                .isEqualTo(((Number) totals.get("month_sum")).longValue());
    }

    private String yamadaServiceName() {
        return yamada.tpp().registration().serviceName();
    }
}
