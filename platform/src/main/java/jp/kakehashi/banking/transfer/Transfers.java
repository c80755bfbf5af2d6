package jp.kakehashi.banking.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.corebanking.spi.Payee;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored transfers (issue 4) and the single use of transfer grants; see V9__transfers.sql. */
@Repository
class Transfers {

    private final JdbcClient jdbc;

    Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new transfer unless its client already used the key; false when the key was taken. */
    boolean insertUnlessKeyUsed(Transfer t) {
        return jdbc.sql("""
                insert into transfers (apply_no, client_id, grant_id, customer_id, idempotency_key, fingerprint,
                    account_id, payee_bank_code, payee_branch_code, payee_account_type_code, payee_account_number,
                    payee_name, remitter_name, edi_info, amount, fee, execution_date, status, accepted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (client_id, idempotency_key) do nothing
                """).params(t.applyNo(), t.clientId(), t.grantId(), t.customerId(), t.idempotencyKey(),
                t.fingerprint(), t.accountId(), t.payee().bankCode(), t.payee().branchCode(),
                t.payee().accountTypeCode(), t.payee().accountNumber(), t.payee().name(), t.remitterName(),
                t.ediInfo(), t.amount(), t.fee(), t.executionDate(), t.status().name(),
                Timestamp.from(t.acceptedAt())).update() == 1;
    }

    /** Marks the grant used by the transfer; false when another transfer used it already. */
    boolean useGrant(String grantId, String applyNo) {
        return jdbc.sql("insert into transfer_grant_uses (grant_id, apply_no) values (?, ?) on conflict do nothing")
                .params(grantId, applyNo).update() == 1;
    }

    /** Locks the customer's row until the transaction ends: transfers of one customer are counted one at a time. */
    void lockCustomer(String customerId) {
        jdbc.sql("insert into transfer_customer_locks (customer_id) values (?) on conflict do nothing")
                .param(customerId).update();
        jdbc.sql("select customer_id from transfer_customer_locks where customer_id = ? for update")
                .param(customerId).query(String.class).single();
    }

    /** The amounts of the customer's accepted transfers (all but failed ones) since each instant, in yen. */
    long[] acceptedSince(String customerId, Instant dayStart, Instant monthStart) {
        return jdbc.sql("""
                select coalesce(sum(amount) filter (where accepted_at >= ?), 0),
                       coalesce(sum(amount), 0)
                from transfers where customer_id = ? and status <> 'FAILED' and accepted_at >= ?
                """).params(Timestamp.from(dayStart), customerId, Timestamp.from(monthStart))
                .query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
    }

    Optional<Transfer> byKey(String clientId, String idempotencyKey) {
        return jdbc.sql("select * from transfers where client_id = ? and idempotency_key = ?")
                .params(clientId, idempotencyKey).query(Transfers::transfer).optional();
    }

    Optional<Transfer> byApplyNo(String applyNo) {
        return jdbc.sql("select * from transfers where apply_no = ?").param(applyNo).query(Transfers::transfer)
                .optional();
    }

    /** The customer's transfer from one of {@code accountIds}, if it is one. */
    Optional<Transfer> of(String customerId, List<String> accountIds, String applyNo) {
        return jdbc.sql("select * from transfers where apply_no = ? and customer_id = ? and account_id = any(?)")
                .params(applyNo, customerId, accountIds.toArray(String[]::new)).query(Transfers::transfer).optional();
    }

    /** A page of the customer's transfers from {@code accountIds} accepted in [from, to), oldest first. */
    List<Transfer> page(String customerId, List<String> accountIds, Instant from, Instant to, TransferStatus status,
            int offset, int limit) {
        return jdbc.sql("""
                select * from transfers
                where customer_id = ? and account_id = any(?) and accepted_at >= ? and accepted_at < ?
                  and (cast(? as text) is null or status = ?)
                order by accepted_at, apply_no offset ? limit ?
                """).params(customerId, accountIds.toArray(String[]::new), Timestamp.from(from), Timestamp.from(to),
                status == null ? null : status.name(), status == null ? null : status.name(), offset, limit)
                .query(Transfers::transfer).list();
    }

    void holdReserved(String applyNo, String reservationId) {
        jdbc.sql("update transfers set reservation_id = ? where apply_no = ? and status = 'PENDING'")
                .params(reservationId, applyNo).update();
    }

    /** Ends a pending transfer; the first to end it wins, so every retry then reads the same outcome. */
    void finish(String applyNo, TransferStatus status, String failureReason, Instant at) {
        jdbc.sql("""
                update transfers set status = ?, failure_reason = ?, finished_at = ?
                where apply_no = ? and status = 'PENDING'
                """).params(status.name(), failureReason, Timestamp.from(at), applyNo).update();
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        var payee = new Payee(rs.getString("payee_bank_code"), rs.getString("payee_branch_code"),
                rs.getString("payee_account_type_code"), rs.getString("payee_account_number"),
                rs.getString("payee_name"));
        return new Transfer(rs.getString("apply_no"), rs.getString("client_id"), rs.getString("grant_id"),
                rs.getString("customer_id"), rs.getString("idempotency_key"), rs.getString("fingerprint"),
                rs.getString("account_id"), payee, rs.getString("remitter_name"), rs.getString("edi_info"),
                rs.getLong("amount"), rs.getLong("fee"), rs.getDate("execution_date").toLocalDate(),
                TransferStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
                rs.getString("reservation_id"), rs.getTimestamp("accepted_at").toInstant());
    }
}
