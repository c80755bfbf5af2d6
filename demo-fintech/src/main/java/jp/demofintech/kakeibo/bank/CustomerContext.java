package jp.demofintech.kakeibo.bank;

/**
 * Who is in front of the app right now, passed to the bank with each API call (FAPI {@code x-fapi-customer-ip-address},
 * {@code x-customer-user-agent}) so the bank's risk checks see the customer, not the app's server.
 */
public record CustomerContext(String ipAddress, String userAgent) {
}
