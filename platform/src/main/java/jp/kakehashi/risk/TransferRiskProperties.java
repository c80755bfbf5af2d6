package jp.kakehashi.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank's fraud rules for transfers ({@code kakehashi.risk.transfers}, C3). A threshold of 0 switches its rule off.
 *
 * @param authFailuresConfirm   the TPP reports at least this many failed sign-ins of the customer at its side: the
 *                              customer confirms at the bank
 * @param authFailuresDecline   ... at least this many: declined
 * @param newPayeeConfirmAbove  a first transfer to a payee (not the customer's own account) above this amount: the
 *                              customer confirms at the bank
 * @param perHourConfirm        the customer made at least this many transfers through the client in the last hour:
 *                              the next one is confirmed at the bank
 * @param perHourDecline        ... at least this many: declined
 * @param invalidSignalsConfirm a payment whose risk headers were present but malformed is confirmed at the bank
 */
@ConfigurationProperties("kakehashi.risk.transfers")
public record TransferRiskProperties(@DefaultValue("3") int authFailuresConfirm,
        @DefaultValue("10") int authFailuresDecline, @DefaultValue("100000") long newPayeeConfirmAbove,
        @DefaultValue("100") int perHourConfirm, @DefaultValue("0") int perHourDecline,
        @DefaultValue("true") boolean invalidSignalsConfirm) {
}
