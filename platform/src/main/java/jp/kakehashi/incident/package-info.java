/**
 * Incidents (インシデント, C6, E1, E2, E6): security incidents and outages concerning a TPP, reported by bank staff or
 * by the TPP, with their timeline, the customers they may touch (those with grants of the TPP) and the bank's warning
 * to them. Notification delivers what follows from its events: notices and security events to the TPP and to other
 * banks, warning mails to customers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents",
        allowedDependencies = { "tpp", "consent" })
package jp.kakehashi.incident;
