package jp.kakehashi.corebanking.spi;


/** Identifies a customer (利用者/預金者), individual or corporate, in the bank's core system. */
public record CustomerId(String value) {

    public CustomerId {
        Ids.requireNonBlank(value, "customer id");
    }

    @Override
    public String toString() {
        return value;
    }

}
