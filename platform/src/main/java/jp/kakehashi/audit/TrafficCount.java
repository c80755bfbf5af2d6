package jp.kakehashi.audit;

import java.time.Instant;

/**
 * The calls of one TPP in one period of the API execution log, for the staff console's charts (F4).
 *
 * @param periodStart the period's first instant (an hour, or a business day starting at midnight in Tokyo)
 * @param calls       every call of the TPP in the period
 * @param rejections  calls refused with a 4xx (bad input, no right, chained party not allowed, rate limit)
 * @param errors      calls that failed on the bank's side with a 5xx
 */
public record TrafficCount(String tppId, Instant periodStart, long calls, long rejections, long errors) {

    /** The length of the periods counted. */
    public enum Period {
        HOUR, DAY
    }
}
