package jp.kakehashi.tpp.screening;

/** A reviewer's judgement of one item (A3): a judgement in words, not a score. */
public enum Assessment {
    SATISFIED, CONCERN, NOT_SATISFIED
}
