package jp.kakehashi.audit;

import java.util.List;
import java.util.Optional;
import jp.kakehashi.audit.ExecutionLogRecord.ChainLink;

/**
 * One hash-chained log (C1 execution log and business events, C4 staff actions, D5 consent records): each entry has a
 * sequence number from 1 without gaps and a SHA-256 over its content, its sequence number and its predecessor's hash.
 * This is all that checkpoints ({@link Checkpoints}) and verification ({@link ChainVerification}) need of a chain;
 * what a chain's entries hold and how they are encoded is its own.
 */
interface HashChain {

    /** Its stable name, used in checkpoints, files, metrics and the {@code auditchains} endpoint. */
    String name();

    /** The entry with the highest sequence number; empty while nothing is chained. */
    Optional<ChainLink> head();

    /** The link stored at a position (an index lookup), empty when no entry has that sequence number. */
    Optional<ChainLink> linkAt(long sequenceNumber);

    /** Up to {@code limit} chained entries after a position, in sequence order, each with the hash of its content. */
    List<ChainEntry> entriesAfter(long sequenceNumber, int limit);

    /**
     * Entries whose sequence number is outside the chain (below 1): none but what someone wrote there to take an
     * entry out of the chain's reach (PostgreSQL refuses it since V21_5; rows written before are counted here).
     */
    long countOutsideChain();

    /**
     * The key of the oldest entry still waiting for its place (for a chain linked after the fact), empty when none
     * waits or entries are chained as they are inserted.
     */
    default Optional<Long> oldestUnchained() {
        return Optional.empty();
    }

    /**
     * An entry as stored, and the hash its content gives now.
     *
     * @param sequenceNumber its stored position
     * @param previousHash   the predecessor's hash it stores
     * @param recordHash     the hash it stores
     * @param contentHash    the hash recomputed from its content, stored position and stored previous hash
     */
    record ChainEntry(long sequenceNumber, String previousHash, String recordHash, String contentHash) {
    }
}
