package jp.kakehashi.corebanking.spi;

/**
 * A caller-chosen key that makes a call that moves money safe to retry (docs/architecture.md, "Decisions and why":
 * payments are idempotent on both sides, the key stored with the outcome). Unique per customer: the same key with the same
 * request returns the original outcome; with a different request it is rejected.
 */
public record IdempotencyKey(String value) {

    /** Long enough for a UUID with a TPP prefix, short enough to index. */
    public static final int MAX_LENGTH = 200;

    public IdempotencyKey {
        Ids.requireNonBlank(value, "idempotency key");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("idempotency key longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
