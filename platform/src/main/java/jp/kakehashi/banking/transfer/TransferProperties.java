package jp.kakehashi.banking.transfer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.banking.transfer.rules.BankCalendar;
import jp.kakehashi.banking.transfer.rules.ExecutionDateSettings;
import jp.kakehashi.banking.transfer.rules.FeeTable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank's transfer settings ({@code kakehashi.banking.transfers}, B10): cut-off time (受付時限) and how far
 * ahead a transfer may be booked, extra bank closures no rule predicts, and the customer's fees (振込手数料).
 *
 * @param fees          the fee table; absent means the demo bank's ({@link FeeTable#demo()})
 * @param limits        the payment policy (B10): the bank's defaults, per customer segment and per TPP id
 * @param sandboxOpenAlways a sandbox's setting: every day is a business day and there is no cut-off, so a demo's
 *                      same-day transfers run at once whenever it is shown; never true for a bank's production
 * @param confirmationTime how long a transfer waits for the customer's confirmation at the bank before it fails
 */
@ConfigurationProperties("kakehashi.banking.transfers")
public record TransferProperties(@DefaultValue("15:00") LocalTime cutOff, @DefaultValue("30") int maxDaysAhead,
        @DefaultValue Set<LocalDate> extraClosures, FeeTable fees, @DefaultValue("false") boolean sandboxOpenAlways,
        @DefaultValue Limits limits, @DefaultValue("30m") Duration confirmationTime) {

    /**
     * The payment policy's levels; see {@link TransferLimits}. {@code singleFactor} caps the limits of transfers
     * under a grant given after a sign-in with a password only (where the scope policy allows that at all).
     */
    public record Limits(TransferLimits defaults, Map<String, TransferLimits> segments,
            Map<String, TransferLimits> tpps, TransferLimits singleFactor) {

        public Limits {
            segments = segments == null ? Map.of() : Map.copyOf(segments);
            tpps = tpps == null ? Map.of() : Map.copyOf(tpps);
        }

        TransferLimitPolicy policy() {
            return new TransferLimitPolicy(defaults, segments, tpps, singleFactor);
        }
    }

    public TransferProperties {
        extraClosures = Set.copyOf(extraClosures);
        fees = fees == null ? FeeTable.demo() : fees;
        limits = limits == null ? new Limits(null, null, null, null) : limits;
        confirmationTime = confirmationTime == null ? Duration.ofMinutes(30) : confirmationTime;
    }

    ExecutionDateSettings executionDates() {
        return new ExecutionDateSettings(sandboxOpenAlways ? LocalTime.MAX : cutOff, maxDaysAhead);
    }

    BankCalendar calendar() {
        return sandboxOpenAlways ? BankCalendar.openEveryDay() : new BankCalendar(extraClosures);
    }
}
