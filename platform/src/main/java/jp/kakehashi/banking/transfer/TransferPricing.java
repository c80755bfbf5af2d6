package jp.kakehashi.banking.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.kakehashi.banking.transfer.rules.BankCalendar;
import jp.kakehashi.banking.transfer.rules.ExecutionDatePolicy;
import jp.kakehashi.banking.transfer.rules.FeeTable;
import jp.kakehashi.banking.transfer.rules.TransferItem;
import jp.kakehashi.banking.transfer.rules.TransferRoute;
import jp.kakehashi.banking.transfer.rules.TransferValidation;
import jp.kakehashi.banking.transfer.rules.Violation;
import jp.kakehashi.banking.transfer.rules.ViolationCode;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.shared.Yen;

/**
 * Prices a transfer request (振込手数料照会, Zengin rules) without side effects: the Zengin field rules, the request's
 * totals, the execution date (cut-off, holidays) and the fee of each item by route from the debit account. Every
 * violation is reported at once. One item per request for now.
 */
public final class TransferPricing {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String bankCode;
    private final FeeTable fees;
    private final ExecutionDatePolicy executionDates;
    private final BankCalendar calendar;

    public TransferPricing(String bankCode, TransferProperties properties, Clock clock) {
        this.bankCode = bankCode;
        this.fees = properties.fees();
        this.calendar = properties.calendar();
        this.executionDates = new ExecutionDatePolicy(properties.calendar(), properties.executionDates(),
                clock);
    }

    /** Whether the bank executes transfers on {@code date} (the scheduler runs 予約振込 on business days only). */
    public boolean isBusinessDay(LocalDate date) {
        return calendar.isBusinessDay(date);
    }

    /** Prices {@code order} debited from {@code debit}, an account the caller may use. */
    public Quote quote(Account debit, TransferOrder order) {
        if (order.transfers().size() > 1) {
            return new Quote.Refused(Quote.Reason.MULTIPLE_TRANSFERS_NOT_SUPPORTED, List.of());
        }
        List<Violation> violations = new ArrayList<>();
        var validation = TransferValidation.validate(order.input());
        if (validation instanceof TransferValidation.Invalid invalid) {
            violations.addAll(invalid.violations());
        }
        totals(order, violations);
        LocalDate executionDate = executionDate(order, violations);
        if (!violations.isEmpty() || !(validation instanceof TransferValidation.Valid valid)) {
            return new Quote.Refused(Quote.Reason.INVALID, violations);
        }
        List<Quote.ItemFee> itemFees = valid.transfer().items().stream().map(item -> fee(debit, item)).toList();
        return new Quote.Priced(debit.accountId().value(), valid.transfer(), executionDate, itemFees);
    }

    private Quote.ItemFee fee(Account debit, TransferItem item) {
        TransferRoute route = TransferRoute.of(bankCode, debit.branchCode(), item.payee());
        return new Quote.ItemFee(item.itemId(), new Yen(fees.feeFor(route, item.amount())), item.payee().name());
    }

    /** The totals repeat the items so that a client's mistake in building the request is caught, not executed. */
    private static void totals(TransferOrder order, List<Violation> violations) {
        if (!Integer.toString(order.transfers().size()).equals(order.totalCount())) {
            violations.add(ViolationCode.TOTAL_COUNT_MISMATCH.on(null, "totalCount"));
        }
        long sum = 0;
        for (var item : order.transfers()) {
            if (item.transferAmount() == null || !item.transferAmount().matches("[1-9]\\d{0,9}")) {
                return; // the item's own violation says it; a total cannot be compared
            }
            sum += Long.parseLong(item.transferAmount());
        }
        if (!Long.toString(sum).equals(order.totalAmount())) {
            violations.add(ViolationCode.TOTAL_AMOUNT_MISMATCH.on(null, "totalAmount"));
        }
    }

    private LocalDate executionDate(TransferOrder order, List<Violation> violations) {
        String requested = order.transferDesignatedDate();
        LocalDate date = null;
        if (requested != null && !requested.isEmpty()) {
            date = parse(requested);
            if (date == null) {
                violations.add(ViolationCode.TRANSFER_DATE_INVALID.on(null, "transferDesignatedDate"));
                return null;
            }
        }
        return switch (executionDates.decide(date, order.transferDateHolidayCode())) {
            case ExecutionDatePolicy.Scheduled scheduled -> scheduled.executionDate();
            case ExecutionDatePolicy.Refused refused -> {
                violations.add(refused.violation());
                yield null;
            }
        };
    }

    private static LocalDate parse(String value) {
        if (!DATE.matcher(value).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(value, STRICT);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
