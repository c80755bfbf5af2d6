package jp.kakehashi.notification.mail;

import java.time.Instant;

/** That the bank warned a customer about an incident (E2), when, at whose request, and whether a mail went out. */
public record CustomerWarning(String incidentId, String customerId, String requestedBy, Instant warnedAt,
        Outcome outcome) {

    /** What became of the warning. */
    public enum Outcome {
        /** Mailed to the address in the bank's customer file. */
        MAILED,
        /** The customer file has no address: staff must reach the customer another way. */
        NO_CONTACT,
        /** No mail server is configured; recorded so staff see nobody was reached. */
        NO_MAIL_SERVER,
        /** The mail server refused this customer's mail: staff must reach the customer another way. */
        FAILED
    }
}
