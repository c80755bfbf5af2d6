package jp.kakehashi.tpp.chain;

/**
 * How the bank handles chained parties (API連鎖接続先) of a TPP for one API class (F2; seed VI(1)). The principles
 * list these options; the bank picks one per TPP, and may pick differently for reads and payments.
 */
public enum ChainHandling {
    /** The party must contract with the bank itself, like a TPP: calls for it through the TPP are refused. */
    DIRECT_CONTRACT,
    /** The bank approves each party before calls for it are allowed (承認). */
    APPROVAL,
    /** The TPP notifies the bank of each party before use; calls are allowed from the date given (事前届出). */
    PRIOR_NOTICE,
    /** Pre-agreed conditions, recorded with the handling, cover every registered party (条件の事前合意). */
    CONDITIONS,
    /** The TPP answers for its registered parties (API接続先の責任). */
    TPP_RESPONSIBILITY
}
