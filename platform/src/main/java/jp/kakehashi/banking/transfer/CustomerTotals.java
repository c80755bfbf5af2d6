package jp.kakehashi.banking.transfer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.Yen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The running totals of a customer's accepted transfers today and this month (B10), kept in the customer's lock row
 * (see V13__transfer_running_totals.sql). Reading them locks the row until the transaction ends, so that concurrent
 * transfers of one customer are counted one after the other.
 */
@Repository
class CustomerTotals {

    private final JdbcClient jdbc;

    CustomerTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The amounts accepted on a day and in its month, in yen, all but failed and cancelled transfers. */
    record Totals(Yen day, Yen month) {
    }

    private record Row(LocalDate day, long dayTotal, LocalDate month, long monthTotal) {
    }

    /**
     * Locks the customer's row and reads the totals of {@code today}; a total kept for an earlier day or month (or
     * none yet) is summed from the transfers instead.
     */
    Totals lock(String customerId, LocalDate today) {
        jdbc.sql("insert into transfer_customer_locks (customer_id) values (?) on conflict do nothing")
                .param(customerId).update();
        Row row = jdbc.sql("""
                select day, day_total, month, month_total from transfer_customer_locks
                where customer_id = ? for update
                """).param(customerId).query((rs, n) -> new Row(date(rs.getDate("day")), rs.getLong("day_total"),
                date(rs.getDate("month")), rs.getLong("month_total"))).single();
        LocalDate month = today.withDayOfMonth(1);
        long day = today.equals(row.day()) ? row.dayTotal() : acceptedSince(customerId, start(today));
        long thisMonth = month.equals(row.month()) ? row.monthTotal() : acceptedSince(customerId, start(month));
        return new Totals(new Yen(day), new Yen(thisMonth));
    }

    /** Counts a transfer of {@code amount} accepted {@code today} on top of {@code totals} as {@link #lock} read them. */
    void add(String customerId, LocalDate today, Totals totals, Yen amount) {
        jdbc.sql("""
                update transfer_customer_locks set day = ?, day_total = ?, month = ?, month_total = ?
                where customer_id = ?
                """).params(today, totals.day().plus(amount).amount(), today.withDayOfMonth(1),
                        totals.month().plus(amount).amount(), customerId)
                .update();
    }

    /** Takes off a transfer accepted at {@code acceptedAt} that will not be made (failed or cancelled). */
    void subtract(String customerId, Instant acceptedAt, Yen amount) {
        LocalDate day = LocalDate.ofInstant(acceptedAt, BusinessClock.TOKYO);
        jdbc.sql("""
                update transfer_customer_locks
                set day_total = day_total - case when day = ? then ? else 0 end,
                    month_total = month_total - case when month = ? then ? else 0 end
                where customer_id = ?
                """).params(day, amount.amount(), day.withDayOfMonth(1), amount.amount(), customerId).update();
    }

    private long acceptedSince(String customerId, Instant since) {
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from transfers
                where customer_id = ? and status not in ('FAILED', 'CANCELLED') and accepted_at >= ?
                """).params(customerId, Timestamp.from(since)).query(Long.class).single();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(BusinessClock.TOKYO).toInstant();
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
