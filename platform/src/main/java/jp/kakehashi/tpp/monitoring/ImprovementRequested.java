package jp.kakehashi.tpp.monitoring;

/**
 * The bank asked a TPP to improve on a finding by a deadline (A6: the TPP is notified). Published in the transaction
 * that records the request, for the notices to the TPP.
 */
public record ImprovementRequested(ImprovementRequest request) {
}
