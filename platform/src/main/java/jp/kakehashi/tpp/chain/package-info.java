/**
 * Chained parties (API連鎖接続先, F2): per TPP and API class the bank's chosen handling ({@link
 * jp.kakehashi.tpp.chain.ChainHandling}), the parties registered per TPP ({@link jp.kakehashi.tpp.chain.ChainedParties}),
 * the rules deciding a call ({@link jp.kakehashi.tpp.chain.ChainPolicy}), and the {@code /v1} filter that refuses a
 * call for a party that is not allowed. A call names its party in {@link jp.kakehashi.tpp.ChainedPartyHeader}; the
 * audit module records it with the call.
 */
@org.springframework.modulith.NamedInterface("chain")
package jp.kakehashi.tpp.chain;
