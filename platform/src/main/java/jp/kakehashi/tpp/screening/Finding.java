package jp.kakehashi.tpp.screening;

import java.time.Instant;

/** The reviewer's finding on one item of an application (A3): the judgement and why. */
public record Finding(long itemId, Assessment assessment, String note, String reviewer, Instant recordedAt) {
}
