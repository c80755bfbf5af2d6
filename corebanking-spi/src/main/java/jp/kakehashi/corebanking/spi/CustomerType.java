package jp.kakehashi.corebanking.spi;

/** Individual (個人) or corporate (法人) customer; authentication strength and compensation differ (B3, E4). */
public enum CustomerType {
    INDIVIDUAL,
    CORPORATE
}
