/**
 * Grants: who allowed which TPP what, for which accounts, until when; the record of what the customer saw and agreed
 * to (D5); and revocation by the customer, the bank or an incident (B8, D1). A grant's id is the id of the
 * authorization the tokens hang from, so revoking a grant reaches every token issued under it. A consent record
 * keeps the content shown, the hash of the page as rendered, the template's version, the confirmation agreed to and
 * the sign-in level; it is append-only (a trigger, and the runtime role has no right to change it) and the audit
 * module hash-chains and checkpoints it through {@link jp.kakehashi.consent.ConsentRecords}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent and grants", allowedDependencies = { "tpp", "shared" })
package jp.kakehashi.consent;
