package jp.kakehashi.corebanking.spi;

/** Identifies a posted transaction (取引) in the core system, e.g. an accepted transfer (受付番号). */
public record TransactionId(String value) {

    public TransactionId {
        Ids.requireNonBlank(value, "transaction id");
    }

    @Override
    public String toString() {
        return value;
    }
}
