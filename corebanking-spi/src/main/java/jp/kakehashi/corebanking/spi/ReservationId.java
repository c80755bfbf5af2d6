package jp.kakehashi.corebanking.spi;

/**
 * Identifies a reservation (仮押さえ/拘束) of a two-phase transfer: a hold on the debit account that is
 * later posted or voided. Opaque to the platform and not meant for TPPs: the platform keeps it with its own
 * transfer record and never shows it outside.
 */
public record ReservationId(String value) {

    public ReservationId {
        Ids.requireNonBlank(value, "reservation id");
    }

    @Override
    public String toString() {
        return value;
    }
}
