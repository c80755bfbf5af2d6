package jp.kakehashi.corebanking.spi;

import java.util.Objects;

/**
 * A customer (利用者/預金者) as the core system knows them.
 *
 * @param name     the name in full-width characters (e.g. 山田太郎, 株式会社架け橋商事)
 * @param nameKana the name in half-width kana as used by Zengin (e.g. ﾔﾏﾀﾞ ﾀﾛｳ, ｶ)ｶｹﾊｼｼｮｳｼﾞ)
 */
public record Customer(CustomerId customerId, String name, String nameKana, CustomerType type) {

    public Customer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameKana, "nameKana");
        Objects.requireNonNull(type, "type");
    }
}
