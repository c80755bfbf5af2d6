package jp.kakehashi.corebanking.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Reservation;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.ReservationStatus;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reservations of two-phase transfers (reserve, then post or void) under their idempotency keys, and the holds they
 * place. The database keeps each account's held sum in step with the active holds and lets a hold only move forward
 * (V2__holds.sql); this class reads and writes the rows.
 */
final class Holds {

    /** A reserve call as first received and what came of it. */
    record Stored(TransferRequest request, ReservationResult result) {
    }

    /**
     * A reserved hold, read under its row lock to post, void or expire it.
     *
     * @param fee held with the amount; the hold on the account is {@code amount + fee}
     */
    record Hold(long id, AccountId debitAccountId, long debitRef, long creditRef, long amount, long fee,
            String debitRemarks, String creditRemarks, ReservationStatus status, Instant expiresAt, Long postingId,
            Long balanceAfter, Instant closedAt) {

        ReservationId reservationId() {
            return idOf(id);
        }

        /** The posting that turns this hold into moved money, decided when the hold was placed. */
        TransferPosting posting(long feeIncomeRef) {
            return new TransferPosting(debitRef, debitRemarks, creditRef, creditRemarks, amount, feeIncomeRef, fee);
        }
    }

    private static final Pattern ID_FORMAT = Pattern.compile("\\d{16}");

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reservation ids read like transaction numbers: the row id as 16 digits. */
    static ReservationId idOf(long id) {
        return new ReservationId("%016d".formatted(id));
    }

    /** The row id behind a reservation id, or empty for an id this core never issued. */
    static OptionalLong rowOf(ReservationId reservationId) {
        String value = reservationId.value();
        return ID_FORMAT.matcher(value).matches() ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }

    /** Claims the key as {@link TransferRequests#claim} does: a concurrent claim waits, then reads the outcome. */
    boolean claim(TransferRequest request, Instant receivedAt) {
        return TransferRequests.claimIn(jdbc, "corebanking.reservation", request, receivedAt);
    }

    void reject(TransferRequest request, TransferRejection reason) {
        jdbc.sql("""
                        update corebanking.reservation set outcome = 'REJECTED', rejection_reason = ?
                         where customer_id = ? and idempotency_key = ?""")
                .params(reason.name(), request.customerId().value(), request.idempotencyKey().value())
                .update();
    }

    /**
     * Places the hold: the database adds amount and fee (claimed with the request) to the debit account's held sum
     * in the same statement.
     */
    long hold(TransferRequest request, Routes.Route route, long withdrawableAfter, Instant expiresAt) {
        return jdbc.sql("""
                        update corebanking.reservation
                           set outcome = 'RESERVED', status = 'ACTIVE', debit_account_ref = ?, credit_account_ref = ?,
                               debit_remarks = ?, credit_remarks = ?, withdrawable_after = ?, expires_at = ?
                         where customer_id = ? and idempotency_key = ? returning id""")
                .params(route.debit().ref(), route.creditRef(), route.debitRemarks(), route.creditRemarks(),
                        withdrawableAfter, Tokyo.forDatabase(expiresAt), request.customerId().value(),
                        request.idempotencyKey().value())
                .query(Long.class).single();
    }

    Optional<Stored> find(CustomerId customerId, IdempotencyKey key) {
        return jdbc.sql("""
                        select * from corebanking.reservation
                         where customer_id = ? and idempotency_key = ? and outcome is not null""")
                .params(customerId.value(), key.value())
                .query((rs, row) -> new Stored(TransferRequests.request(rs), result(rs)))
                .optional();
    }

    Optional<Reservation> reservation(long id) {
        return jdbc.sql("select * from corebanking.reservation where id = ? and outcome = 'RESERVED'")
                .param(id)
                .query(Holds::reservation)
                .optional();
    }

    /** Locks the hold's row: posting, voiding and expiring the same hold wait for each other. */
    Optional<Hold> lock(long id) {
        return jdbc.sql("select * from corebanking.reservation where id = ? and outcome = 'RESERVED' for update")
                .param(id)
                .query(Holds::hold)
                .optional();
    }

    /** Active holds whose lifetime ran out by {@code now}, oldest first. */
    List<Long> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from corebanking.reservation where status = 'ACTIVE' and expires_at <= ?
                         order by expires_at, id limit ?""")
                .params(Tokyo.forDatabase(now), limit)
                .query(Long.class).list();
    }

    /** Locks an overdue hold unless someone else holds its row: that one is posting, voiding or expiring it. */
    Optional<Hold> lockIfStillOverdue(long id, Instant now) {
        return jdbc.sql("""
                        select * from corebanking.reservation where id = ? and status = 'ACTIVE' and expires_at <= ?
                           for update skip locked""")
                .params(id, Tokyo.forDatabase(now))
                .query(Holds::hold)
                .optional();
    }

    /** Releases the hold as posted; must come before the posting's legs, which would overdraw it otherwise. */
    void markPosted(long id, long postingId, long balanceAfter, Instant now) {
        jdbc.sql("""
                        update corebanking.reservation set status = 'POSTED', posting_id = ?, balance_after = ?,
                               closed_at = ? where id = ?""")
                .params(postingId, balanceAfter, Tokyo.forDatabase(now), id)
                .update();
    }

    /** Releases the hold without moving money, as {@code VOIDED} or {@code EXPIRED}. */
    void release(long id, ReservationStatus status, Instant now) {
        jdbc.sql("update corebanking.reservation set status = ?, closed_at = ? where id = ?")
                .params(status.name(), Tokyo.forDatabase(now), id)
                .update();
    }

    private static ReservationResult result(ResultSet rs) throws SQLException {
        if ("REJECTED".equals(rs.getString("outcome"))) {
            return new ReservationResult.Rejected(TransferRejection.valueOf(rs.getString("rejection_reason")));
        }
        return new ReservationResult.Reserved(idOf(rs.getLong("id")), new AccountId(rs.getString("debit_account_id")),
                rs.getLong("amount"), rs.getLong("fee"), rs.getLong("withdrawable_after"), instant(rs, "received_at"),
                instant(rs, "expires_at"));
    }

    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        Optional<Long> postingId = Optional.ofNullable(rs.getObject("posting_id", Long.class));
        return new Reservation(idOf(rs.getLong("id")), TransferRequests.request(rs), ReservationStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"), instant(rs, "expires_at"), postingId.map(Transactions::id));
    }

    private static Hold hold(ResultSet rs, int row) throws SQLException {
        return new Hold(rs.getLong("id"), new AccountId(rs.getString("debit_account_id")),
                rs.getLong("debit_account_ref"), rs.getLong("credit_account_ref"), rs.getLong("amount"),
                rs.getLong("fee"), rs.getString("debit_remarks"), rs.getString("credit_remarks"),
                ReservationStatus.valueOf(rs.getString("status")), instant(rs, "expires_at"),
                rs.getObject("posting_id", Long.class), rs.getObject("balance_after", Long.class),
                rs.getObject("closed_at") == null ? null : instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
