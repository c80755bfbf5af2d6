package jp.kakehashi.corebanking.spi;

/**
 * Identifies a deposit account (口座) in the bank's core system. Opaque to the platform: a bank may use
 * branch + subject + number (e.g. {@code 001010001234}) or any internal key.
 */
public record AccountId(String value) {

    public AccountId {
        Ids.requireNonBlank(value, "account id");
    }

    @Override
    public String toString() {
        return value;
    }
}
