package jp.kakehashi.tpp.screening;

/** The applicant's answer to one checklist item version, with its evidence (a document, a URL, a description). */
public record Answer(long itemId, String answer, String evidence) {

    public Answer {
        answer = answer == null ? "" : answer.strip();
        evidence = evidence == null ? "" : evidence.strip();
    }

    /** Both the answer and its evidence given, as a mandatory item requires. */
    public boolean complete() {
        return !answer.isEmpty() && !evidence.isEmpty();
    }
}
