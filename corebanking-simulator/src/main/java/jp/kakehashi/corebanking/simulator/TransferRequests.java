package jp.kakehashi.corebanking.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transfer instructions under their idempotency keys (customer, key), with their outcomes. */
final class TransferRequests {

    /** A request as first received and what came of it. */
    record Stored(TransferRequest request, TransferResult result) {
    }

    private final JdbcClient jdbc;

    TransferRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request; false if it is taken. A concurrent claim of the same key blocks on the
     * primary key until the first transaction ends, so the loser then reads a finished outcome.
     */
    boolean claim(TransferRequest request, Instant receivedAt) {
        return claimIn(jdbc, "corebanking.transfer_request", request, receivedAt);
    }

    /**
     * Inserts the request under its (customer, idempotency key) into {@code table} unless the key is taken; shared
     * by one-step transfers and reservations, whose request tables have the same columns.
     */
    static boolean claimIn(JdbcClient jdbc, String table, TransferRequest request, Instant receivedAt) {
        Payee payee = request.payee();
        return jdbc.sql("insert into " + table + """
                         (customer_id, idempotency_key, debit_account_id,
                               payee_bank_code, payee_branch_code, payee_account_type_code, payee_account_number,
                               payee_name, amount, fee, remitter_name, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (customer_id, idempotency_key) do nothing""")
                .params(request.customerId().value(), request.idempotencyKey().value(),
                        request.debitAccountId().value(), payee.bankCode(), payee.branchCode(),
                        payee.accountTypeCode(), payee.accountNumber(), payee.name(), request.amount(),
                        request.fee(), request.remitterName(), Tokyo.forDatabase(receivedAt))
                .update() == 1;
    }

    /** Records the outcome in the claiming transaction, so the key and its outcome commit together. */
    void complete(TransferRequest request, TransferResult result, Long postingId) {
        String reason = result instanceof TransferResult.Rejected rejected ? rejected.reason().name() : null;
        Long balanceAfter = result instanceof TransferResult.Accepted accepted ? accepted.balanceAfter() : null;
        jdbc.sql("""
                        update corebanking.transfer_request
                           set outcome = ?, rejection_reason = ?, posting_id = ?, balance_after = ?
                         where customer_id = ? and idempotency_key = ?""")
                .params(reason == null ? "ACCEPTED" : "REJECTED", reason, postingId, balanceAfter,
                        request.customerId().value(), request.idempotencyKey().value())
                .update();
    }

    Optional<Stored> find(CustomerId customerId, IdempotencyKey key) {
        return jdbc.sql("""
                        select r.*, p.posted_at from corebanking.transfer_request r
                          left join corebanking.posting p on p.id = r.posting_id
                         where r.customer_id = ? and r.idempotency_key = ? and r.outcome is not null""")
                .params(customerId.value(), key.value())
                .query(TransferRequests::stored)
                .optional();
    }

    /**
     * The request as stored with a transfer, and with a hold ({@link Holds}): both tables keep it in the same
     * columns.
     */
    static TransferRequest request(ResultSet rs) throws SQLException {
        return new TransferRequest(
                new CustomerId(rs.getString("customer_id")),
                new IdempotencyKey(rs.getString("idempotency_key")),
                new AccountId(rs.getString("debit_account_id")),
                new Payee(rs.getString("payee_bank_code"), rs.getString("payee_branch_code"),
                        rs.getString("payee_account_type_code"), rs.getString("payee_account_number"),
                        rs.getString("payee_name")),
                rs.getLong("amount"),
                rs.getLong("fee"),
                rs.getString("remitter_name"));
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        TransferRequest request = request(rs);
        AccountId debitAccountId = request.debitAccountId();
        TransferResult result = "ACCEPTED".equals(rs.getString("outcome"))
                ? new TransferResult.Accepted(Transactions.id(rs.getLong("posting_id")), debitAccountId,
                        rs.getLong("amount"), rs.getLong("fee"), rs.getLong("balance_after"),
                        rs.getObject("posted_at", OffsetDateTime.class).toInstant())
                : new TransferResult.Rejected(TransferRejection.valueOf(rs.getString("rejection_reason")));
        return new Stored(request, result);
    }
}
