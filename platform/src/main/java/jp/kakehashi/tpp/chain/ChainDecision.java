package jp.kakehashi.tpp.chain;

/** Whether a call for a chained party may go ahead (F2). */
public sealed interface ChainDecision {

    ChainDecision ALLOWED = new Allowed();

    record Allowed() implements ChainDecision {
    }

    record Refused(ChainRefusal reason) implements ChainDecision {
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
