package jp.kakehashi.tpp.screening;

import jp.kakehashi.tpp.Transition;

/** What came of a screening step. */
public sealed interface ScreeningOutcome {

    /** Recorded. */
    record Done() implements ScreeningOutcome {
    }

    /** Refused by the screening's rules; nothing changed. */
    record Refused(Refusal refusal) implements ScreeningOutcome {
    }

    /** The TPP's lifecycle refused the move (e.g. not in screening any more); nothing changed. */
    record LifecycleRefused(Transition.Refusal refusal) implements ScreeningOutcome {
    }

    /** Why the screening refused a step. */
    enum Refusal {
        /** No such TPP or application. */
        UNKNOWN_TPP,
        /** Findings, references and recommendations are recorded only while the TPP is in screening. */
        NOT_IN_SCREENING,
        /** The item is not one this application answered. */
        UNKNOWN_ITEM,
        /** A required text (note, name, issuer, summary) is missing. */
        TEXT_MISSING,
        /** A mandatory item has no finding yet; no recommendation before every one is judged. */
        MANDATORY_FINDINGS_MISSING,
        /** Approval needs scopes, all among those the TPP requested. */
        SCOPES_INVALID,
        /** A recommendation waits for a decision already. */
        RECOMMENDATION_PENDING,
        /** No recommendation waits for a decision. */
        NO_RECOMMENDATION,
        /** The approver is the reviewer who recommended; a second person must decide. */
        SAME_PERSON
    }

    default boolean done() {
        return this instanceof Done;
    }
}
