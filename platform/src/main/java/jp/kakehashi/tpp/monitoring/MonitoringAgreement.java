package jp.kakehashi.tpp.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How the bank monitors a TPP after connection, as agreed with it (A5).
 *
 * @param method              how the bank looks (書面, ヒアリング, 実地 …), as agreed
 * @param depth               how deep each review goes
 * @param frequencyMonths     months between periodic reviews (1–36)
 * @param onSiteInspection    whether and when the bank inspects on site, null if not agreed
 * @param majorChangeHandling what the TPP must do on a major change (management, system, business)
 * @param informationToSubmit what the TPP submits for each review
 * @param startsOn            from when the schedule runs: the first review falls due one period after it
 */
public record MonitoringAgreement(String tppId, String method, Depth depth, int frequencyMonths,
        String onSiteInspection, String majorChangeHandling, String informationToSubmit, LocalDate startsOn,
        String agreedBy, Instant agreedAt) {

    /** How deep a review goes. */
    public enum Depth {
        /** Submitted documents only. */
        BASIC,
        /** Documents and an interview. */
        STANDARD,
        /** Documents, interview and evidence checks, for higher-risk TPPs (payments, many customers). */
        ENHANCED
    }
}
