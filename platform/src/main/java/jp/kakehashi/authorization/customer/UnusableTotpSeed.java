package jp.kakehashi.authorization.customer;

/**
 * A customer's stored TOTP seed does not open (C2): the bank's data is at fault, not the customer's code. The sign-in
 * answers with a server error page and counts no failed attempt; the cause is in the log with the customer id.
 */
public class UnusableTotpSeed extends RuntimeException {

    UnusableTotpSeed(String customerId) {
        super("the TOTP seed of customer " + customerId + " does not open");
    }
}
