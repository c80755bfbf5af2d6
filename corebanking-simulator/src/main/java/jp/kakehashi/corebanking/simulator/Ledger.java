package jp.kakehashi.corebanking.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes postings (仕訳). The database derives balances from the entries and checks at commit that each
 * posting balances; checking here too turns a programming error into a clear exception before any SQL runs.
 */
final class Ledger {

    /** One leg: positive credits the account, negative debits it. */
    record Leg(long accountRef, long amount, String remarks) {

        Leg {
            if (amount == 0) {
                throw new IllegalArgumentException("a leg moves money");
            }
            Objects.requireNonNull(remarks, "remarks");
        }
    }

    record Posting(String kind, LocalDate transactionDate, Instant postedAt, List<Leg> legs) {

        Posting {
            legs = List.copyOf(legs);
            if (legs.size() < 2 || legs.stream().mapToLong(Leg::amount).sum() != 0) {
                throw new IllegalArgumentException("a posting needs at least two legs summing to zero: " + legs);
            }
        }

        /** Moves {@code amount} from one account to another: the common two-leg posting. */
        static Posting move(String kind, LocalDate date, Instant postedAt, long debitRef, String debitRemarks,
                long creditRef, String creditRemarks, long amount) {
            return new Posting(kind, date, postedAt,
                    List.of(new Leg(debitRef, -amount, debitRemarks), new Leg(creditRef, amount, creditRemarks)));
        }
    }

    /** @param balancesAfter per leg, in leg order; {@code null} for internal accounts, which keep no balance */
    record Posted(long postingId, List<Long> balancesAfter) {
    }

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction, so that the balance check at commit sees all legs. */
    Posted post(Posting posting) {
        long postingId = open(posting);
        return new Posted(postingId, addLegs(postingId, posting));
    }

    /**
     * Writes the posting's header only, for a caller that must change other rows between header and legs (posting
     * a hold releases it first, as the legs would otherwise overdraw the withdrawable amount). The caller then
     * adds the legs in the same transaction; the commit check refuses a posting without them.
     */
    long open(Posting posting) {
        return jdbc.sql("""
                        insert into corebanking.posting (kind, transaction_date, value_date, posted_at)
                        values (?, ?, ?, ?) returning id""")
                .params(posting.kind(), posting.transactionDate(), posting.transactionDate(),
                        Tokyo.forDatabase(posting.postedAt()))
                .query(Long.class).single();
    }

    /** @return the balance after each leg, in leg order; {@code null} for internal accounts */
    List<Long> addLegs(long postingId, Posting posting) {
        List<Long> balancesAfter = new ArrayList<>();
        for (Leg leg : posting.legs()) {
            balancesAfter.add(jdbc.sql("""
                            insert into corebanking.entry (posting_id, account_ref, amount, transaction_date, remarks)
                            values (?, ?, ?, ?, ?) returning balance_after""")
                    .params(postingId, leg.accountRef(), leg.amount(), posting.transactionDate(), leg.remarks())
                    .query((rs, row) -> rs.getObject(1, Long.class)).list().getFirst());
        }
        return balancesAfter;
    }
}
