package jp.kakehashi.tpp.screening;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A self-declared policy or a certification the TPP holds (ISO 27001, TRUSTe, プライバシーマーク, …), recorded as a
 * reference for the judgement, not as a pass (A3).
 *
 * @param number     the certificate's number, may be null (policies have none)
 * @param validUntil the end of its validity, may be null
 */
public record Reference(long id, Kind kind, String name, String issuer, String number, LocalDate validUntil,
        String recordedBy, Instant recordedAt) {

    /** A policy the TPP set itself, or a certification by a third party. */
    public enum Kind {
        POLICY, CERTIFICATION
    }
}
