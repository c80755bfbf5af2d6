package jp.kakehashi.corebanking.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Balance;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.Customer;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.Reservation;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.TransactionId;
import jp.kakehashi.corebanking.spi.TransactionPage;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import jp.kakehashi.corebanking.spi.VoidResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The core banking port on the simulator's PostgreSQL ledger (schema {@code corebanking}; run
 * {@link CoreBankingSimulatorSchema#migrate} first). Thread-safe; any number of instances and nodes may share
 * one database, since all coordination happens in it.
 *
 * <p>Each transfer is one transaction of its own on the given data source. Called inside a Spring-managed
 * transaction on the same data source, it joins that transaction instead (a remote core never would), so the
 * platform should call it outside its own transactions, as it would a real core.
 *
 * <p>Beyond the port it offers what a sandbox needs to stage cases: cash deposits and freezing accounts.
 */
public final class SimulatedCoreBanking implements CoreBanking {

    /** A Zengin bank code for the simulated 架け橋銀行; fictional, not checked against the real code table. */
    public static final String DEFAULT_BANK_CODE = "0999";

    /** How long a reservation's hold lasts unless posted or voided: a transfer awaiting confirmation waits a day. */
    public static final Duration DEFAULT_HOLD_LIFETIME = Duration.ofDays(1);

    private static final Pattern BANK_CODE = Pattern.compile("\\d{4}");

    private final String bankCode;
    private final Accounts accounts;
    private final History history;
    private final Transfers transfers;
    private final TransferRequests transferRequests;
    private final Reservations reservations;
    private final Holds holds;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SimulatedCoreBanking(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public SimulatedCoreBanking(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_BANK_CODE);
    }

    public SimulatedCoreBanking(DataSource dataSource, Clock clock, String bankCode) {
        this(dataSource, clock, bankCode, DEFAULT_HOLD_LIFETIME);
    }

    /** @param holdLifetime how long a reservation's hold lasts before {@link #expireReservations} releases it */
    public SimulatedCoreBanking(DataSource dataSource, Clock clock, String bankCode, Duration holdLifetime) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (bankCode == null || !BANK_CODE.matcher(bankCode).matches()) {
            throw new IllegalArgumentException("bank code must be 4 digits: " + bankCode);
        }
        if (holdLifetime == null || holdLifetime.isNegative() || holdLifetime.isZero()) {
            throw new IllegalArgumentException("hold lifetime must be positive: " + holdLifetime);
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bankCode = bankCode;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.accounts = new Accounts(jdbc, clock);
        this.history = new History(jdbc);
        this.ledger = new Ledger(jdbc);
        this.transferRequests = new TransferRequests(jdbc);
        Routes routes = new Routes(accounts, bankCode);
        this.transfers = new Transfers(transactions, routes, ledger, transferRequests, clock);
        this.holds = new Holds(jdbc);
        this.reservations = new Reservations(transactions, routes, ledger, holds, clock, holdLifetime);
    }

    @Override
    public String bankCode() {
        return bankCode;
    }

    @Override
    public Optional<Customer> customer(CustomerId customerId) {
        return accounts.customer(customerId);
    }

    @Override
    public List<Account> accountsOf(CustomerId customerId) {
        return accounts.accountsOf(customerId);
    }

    @Override
    public Optional<Account> account(AccountId accountId) {
        return accounts.account(accountId);
    }

    @Override
    public Optional<Balance> balance(AccountId accountId) {
        return accounts.balance(accountId);
    }

    @Override
    public Optional<TransactionPage> transactions(TransactionQuery query) {
        return history.transactions(query);
    }

    @Override
    public TransferResult transfer(TransferRequest request) {
        return transfers.transfer(request);
    }

    @Override
    public Optional<TransferResult> transferResult(CustomerId customerId, IdempotencyKey idempotencyKey) {
        return transferRequests.find(customerId, idempotencyKey).map(TransferRequests.Stored::result);
    }

    @Override
    public ReservationResult reserve(TransferRequest request) {
        return reservations.reserve(request);
    }

    @Override
    public Optional<ReservationResult> reservationResult(CustomerId customerId, IdempotencyKey idempotencyKey) {
        return holds.find(customerId, idempotencyKey).map(Holds.Stored::result);
    }

    @Override
    public PostResult post(ReservationId reservationId) {
        return reservations.post(reservationId);
    }

    @Override
    public VoidResult voidReservation(ReservationId reservationId) {
        return reservations.voidReservation(reservationId);
    }

    @Override
    public Optional<Reservation> reservation(ReservationId reservationId) {
        return Holds.rowOf(reservationId).stream().boxed().findFirst().flatMap(holds::reservation);
    }

    @Override
    public int expireReservations() {
        return reservations.expire();
    }

    /**
     * Pays cash into an account (現金入金), e.g. to stage a sandbox case.
     *
     * @throws IllegalArgumentException if the amount is not positive or the account unknown
     */
    public TransactionId deposit(AccountId accountId, long amount, String remarks) {
        if (amount <= 0) {
            throw new IllegalArgumentException("deposit amount must be positive: " + amount);
        }
        return transactions.execute(status -> {
            long ref = accounts.customerAccount(accountId)
                    .orElseThrow(() -> new IllegalArgumentException("no such account: " + accountId)).ref();
            Instant now = Tokyo.now(clock);
            Ledger.Posted posted = ledger.post(Ledger.Posting.move("CASH_DEPOSIT", Tokyo.dateOf(now), now,
                    accounts.internalRef(InternalAccount.CASH), remarks, ref, remarks, amount));
            return Transactions.id(posted.postingId());
        });
    }

    /** Freezes an account (口座凍結): it can no longer send or receive transfers. False if there is no such account. */
    public boolean freeze(AccountId accountId) {
        return accounts.setStatus(accountId, "FROZEN") == 1;
    }

    /** Lifts a freeze. False if there is no such account. */
    public boolean unfreeze(AccountId accountId) {
        return accounts.setStatus(accountId, "OPEN") == 1;
    }
}
