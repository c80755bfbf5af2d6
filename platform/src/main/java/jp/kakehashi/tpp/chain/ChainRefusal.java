package jp.kakehashi.tpp.chain;

/** Why a call for a chained party is refused (F2); each is the stable {@code errorDetailsCode} of the 403. */
public enum ChainRefusal {
    /** The bank has chosen no handling of chains for this TPP and API class: no chained calls yet. */
    CHAIN_NOT_AGREED,
    /** The party must contract with the bank directly. */
    DIRECT_CONTRACT_REQUIRED,
    /** The TPP never registered a party with this identifier. */
    UNKNOWN_CHAINED_PARTY,
    /** The party was registered and has since been withdrawn. */
    CHAINED_PARTY_WITHDRAWN,
    /** The party is registered for the other API class only. */
    API_CLASS_NOT_REGISTERED,
    /** The handling needs the bank's approval of the party, which it has not given. */
    NOT_APPROVED,
    /** The handling needs prior notice, and none was given or its date has not come. */
    NOTICE_NOT_EFFECTIVE
}
