package jp.kakehashi.availability;

/** Which part of the API a stop takes down (E6): all of it, or one of the two API classes of the principles. */
public enum StoppedApi {
    /** Every {@code /v1} endpoint, the public ones included. */
    ALL,
    /** The read API (参照系): accounts, balances, transactions. */
    READ,
    /** The payment API (更新系): transfers. */
    PAYMENT;

    /** Whether a call of the given class is stopped by a stop of this kind; {@code null} is a public endpoint. */
    boolean stops(StoppedApi callClass) {
        return this == ALL || this == callClass;
    }
}
