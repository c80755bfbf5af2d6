package jp.kakehashi.corebanking.spi;

/** Direction of a transaction seen from the account (入出金区分), with the API's code. */
public enum TransactionType {
    /** 入金 */
    DEPOSIT("1"),
    /** 出金 */
    WITHDRAWAL("2");

    private final String code;

    TransactionType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
