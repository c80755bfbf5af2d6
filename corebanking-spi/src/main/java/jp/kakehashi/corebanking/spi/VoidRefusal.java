package jp.kakehashi.corebanking.spi;

/** Why {@link CoreBanking#voidReservation} released nothing (two-phase transfers): a closed list. */
public enum VoidRefusal {
    /** No reservation with this id, or its reserve call was rejected. */
    RESERVATION_NOT_FOUND,
    /** The money already moved; a posted reservation is never voided (a refund is a new transfer). */
    RESERVATION_POSTED,
    /** The hold had already lapsed and was released; no money moved. */
    RESERVATION_EXPIRED
}
