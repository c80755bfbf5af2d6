package jp.kakehashi.banking.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.shared.Yen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored transfers (B10) and the single use of transfer grants; see V9__transfers.sql. */
@Repository
class Transfers {

    private final JdbcClient jdbc;

    Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new transfer, made by a client of {@code tppId}, unless its client already used the key; false when the
     * key was taken.
     */
    boolean insertUnlessKeyUsed(Transfer t, TppId tppId) {
        return jdbc.sql("""
                insert into transfers (apply_no, client_id, grant_id, customer_id, idempotency_key, fingerprint,
                    account_id, payee_bank_code, payee_branch_code, payee_account_type_code, payee_account_number,
                    payee_name, remitter_name, edi_info, amount, fee, execution_date, status, accepted_at, confirm_by,
                    tpp_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (client_id, idempotency_key) do nothing
                """).params(t.applyNo(), t.clientId(), t.grantId(), t.customerId(), t.idempotencyKey(),
                t.fingerprint(), t.accountId(), t.payee().bankCode(), t.payee().branchCode(),
                t.payee().accountTypeCode(), t.payee().accountNumber(), t.payee().name(), t.remitterName(),
                t.ediInfo(), t.amount().amount(), t.fee().amount(), t.executionDate(), t.status().name(),
                Timestamp.from(t.acceptedAt()), t.confirmBy() == null ? null : Timestamp.from(t.confirmBy()),
                tppId == null ? null : tppId.value())
                .update() == 1;
    }

    /** Marks the grant used by the transfer; false when another transfer used it already. */
    boolean useGrant(String grantId, String applyNo) {
        return jdbc.sql("insert into transfer_grant_uses (grant_id, apply_no) values (?, ?) on conflict do nothing")
                .params(grantId, applyNo).update() == 1;
    }

    /** The customer's transfers through the client since an instant, counted up to {@code bound}. */
    int countSince(String customerId, String clientId, Instant since, int bound) {
        return jdbc.sql("""
                select count(*) from (select 1 from transfers
                    where customer_id = ? and accepted_at >= ? and client_id = ? limit ?) recent
                """).params(customerId, Timestamp.from(since), clientId, bound).query(Integer.class).single();
    }

    /** Whether the customer has completed a transfer to this payee before. */
    boolean paidBefore(String customerId, Payee payee) {
        return jdbc.sql("""
                select exists (select 1 from transfers where customer_id = ? and payee_bank_code = ?
                    and payee_branch_code = ? and payee_account_number = ? and status = 'COMPLETED')
                """).params(customerId, payee.bankCode(), payee.branchCode(), payee.accountNumber())
                .query(Boolean.class).single();
    }

    Optional<Transfer> byKey(String clientId, String idempotencyKey) {
        return jdbc.sql("select * from transfers where client_id = ? and idempotency_key = ?")
                .params(clientId, idempotencyKey).query(Transfers::transfer).optional();
    }

    Optional<Transfer> byApplyNo(String applyNo) {
        return jdbc.sql("select * from transfers where apply_no = ?").param(applyNo).query(Transfers::transfer)
                .optional();
    }

    /** The customer's transfer from one of {@code accountIds} made by a client of the TPP, if it is one. */
    Optional<Transfer> of(String customerId, TppId tppId, List<String> accountIds, String applyNo) {
        return jdbc.sql("""
                select * from transfers where apply_no = ? and customer_id = ? and tpp_id = ? and account_id = any(?)""")
                .params(applyNo, customerId, tppId.value(), accountIds.toArray(String[]::new)).query(Transfers::transfer)
                .optional();
    }

    /** A page of the customer's transfers from {@code accountIds} accepted in [from, to), oldest first. */
    List<Transfer> page(String customerId, TppId tppId, List<String> accountIds, Instant from, Instant to,
            TransferStatus status, int offset, int limit) {
        return jdbc.sql("""
                select * from transfers
                where customer_id = ? and tpp_id = ? and account_id = any(?) and accepted_at >= ? and accepted_at < ?
                  and (cast(? as text) is null or status = ?)
                order by accepted_at, apply_no offset ? limit ?
                """).params(customerId, tppId.value(), accountIds.toArray(String[]::new), Timestamp.from(from), Timestamp.from(to),
                status == null ? null : status.name(), status == null ? null : status.name(), offset, limit)
                .query(Transfers::transfer).list();
    }

    void holdReserved(String applyNo, String reservationId) {
        jdbc.sql("update transfers set reservation_id = ? where apply_no = ? and status = 'ACCEPTED'")
                .params(reservationId, applyNo).update();
    }

    /**
     * Moves a transfer from one of {@code from} to {@code to}, with the reason of a failure or cancellation: the
     * transfer as moved, or empty when it is no longer in one of {@code from} (someone else moved it first: the first
     * move wins).
     */
    Optional<Transfer> move(String applyNo, Set<TransferStatus> from, TransferStatus to, TransferStatusReason reason,
            Instant at) {
        return jdbc.sql("""
                update transfers set status = ?, status_reason = ?,
                    finished_at = case when ? then ? else finished_at end,
                    started_at = case when ? then ? else started_at end
                where apply_no = ? and status = any(?)
                returning *
                """).params(to.name(), reason == null ? null : reason.name(), !to.isOpen(), Timestamp.from(at), to == TransferStatus.ACCEPTED,
                Timestamp.from(at), applyNo,
                from.stream().map(Enum::name).toArray(String[]::new)).query(Transfers::transfer).optional();
    }

    /**
     * The customer's confirmation at the bank, if it came in time (the transfer runs now or on its date): the
     * transfer as confirmed, or empty.
     */
    Optional<Transfer> confirm(String applyNo, String customerId, TransferStatus next, Instant at) {
        return jdbc.sql("""
                update transfers set status = ?, confirmed_at = ?, started_at = ?, status_reason = null
                where apply_no = ? and customer_id = ? and status = 'AWAITING_CONFIRMATION' and confirm_by > ?
                returning *
                """).params(next.name(), Timestamp.from(at), Timestamp.from(at), applyNo, customerId,
                Timestamp.from(at)).query(Transfers::transfer).optional();
    }

    /** The customer's transfers waiting for a confirmation, newest first, expired ones included until swept. */
    List<Transfer> awaitingConfirmation(String customerId) {
        return jdbc.sql("""
                select * from transfers where customer_id = ? and status = 'AWAITING_CONFIRMATION'
                order by accepted_at desc
                """).param(customerId).query(Transfers::transfer).list();
    }

    /** Scheduled transfers due on or before {@code date}, oldest date first. */
    List<String> dueScheduled(LocalDate date, int limit) {
        return jdbc.sql("""
                select apply_no from transfers where status = 'SCHEDULED' and execution_date <= ?
                order by execution_date, accepted_at limit ?
                """).params(date, limit).query(String.class).list();
    }

    /** Transfers whose confirmation time ran out. */
    List<String> unconfirmedSince(Instant now, int limit) {
        return jdbc.sql("""
                select apply_no from transfers where status = 'AWAITING_CONFIRMATION' and confirm_by <= ?
                order by confirm_by limit ?
                """).params(Timestamp.from(now), limit).query(String.class).list();
    }

    /** Accepted transfers no request has driven to their end since {@code before} (e.g. the node stopped). */
    List<String> acceptedBefore(Instant before, int limit) {
        return jdbc.sql("""
                select apply_no from transfers where status = 'ACCEPTED' and coalesce(started_at, accepted_at) < ?
                order by accepted_at limit ?
                """).params(Timestamp.from(before), limit).query(String.class).list();
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        var payee = new Payee(rs.getString("payee_bank_code"), rs.getString("payee_branch_code"),
                rs.getString("payee_account_type_code"), rs.getString("payee_account_number"),
                rs.getString("payee_name"));
        return new Transfer(rs.getString("apply_no"), rs.getString("client_id"), rs.getString("grant_id"),
                rs.getString("customer_id"), rs.getString("idempotency_key"), rs.getString("fingerprint"),
                rs.getString("account_id"), payee, rs.getString("remitter_name"), rs.getString("edi_info"),
                new Yen(rs.getLong("amount")), new Yen(rs.getLong("fee")), rs.getDate("execution_date").toLocalDate(),
                TransferStatus.valueOf(rs.getString("status")), statusReason(rs.getString("status_reason")),
                rs.getString("reservation_id"), rs.getTimestamp("accepted_at").toInstant(),
                instant(rs.getTimestamp("confirm_by")));
    }

    private static TransferStatusReason statusReason(String name) {
        return name == null ? null : TransferStatusReason.valueOf(name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
