package jp.kakehashi.audit;

import java.time.Instant;

/**
 * A signed statement that a chain had {@code count} entries and its head had {@code headHash} at {@code madeAt}
 * (C1, C4, D5). Kept in {@code audit_checkpoint} and, as the compact JWS alone, in a file of its own outside the
 * database ({@link CheckpointFiles}).
 *
 * @param chain    the chain's name
 * @param count    the head's sequence number, which is the number of entries (they are numbered from 1 without gaps)
 * @param headHash the head's hash
 * @param madeAt   when it was made (whole seconds, as signed)
 * @param jws      the signed checkpoint (JWS compact serialisation, ES256)
 * @param fileName the name of its file
 */
public record Checkpoint(String chain, long count, String headHash, Instant madeAt, String jws, String fileName) {
}
