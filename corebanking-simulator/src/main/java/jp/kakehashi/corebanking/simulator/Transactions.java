package jp.kakehashi.corebanking.simulator;

import jp.kakehashi.corebanking.spi.TransactionId;

/** The transaction number shown outside is the posting id as 16 digits, like a bank's 受付番号. */
final class Transactions {

    private Transactions() {
    }

    static TransactionId id(long postingId) {
        return new TransactionId("%016d".formatted(postingId));
    }
}
