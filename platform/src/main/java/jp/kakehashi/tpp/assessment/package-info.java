/**
 * Assessments relied on across banks (共同監査方式, A4, A7): another bank's screening or monitoring result of a TPP,
 * imported as a signed record (a JWS, ES256 or PS256) and verified against the public keys of the banks the bank
 * trusts ({@code kakehashi.assessments.trusted-banks}); and the bank's own results exported the same way, signed with
 * its own key, whose public JWK set it publishes at {@code /assessments/jwks.json}.
 *
 * <p>The record's claims: {@code iss} (the issuing bank), {@code iat}, {@code jti}, {@code kind} ({@code screening}
 * or {@code monitoring}), {@code assessed_on} (ISO date), {@code outcome} ({@code passed},
 * {@code passed_with_conditions}, {@code failed}), {@code summary}, and {@code tpp} with {@code name},
 * {@code registration_number} (電子決済等代行業 登録番号) and/or {@code corporate_number} (法人番号). Its JOSE
 * {@code typ} is {@code kakehashi-assessment+jwt}.
 */
@org.springframework.modulith.NamedInterface("assessment")
package jp.kakehashi.tpp.assessment;
