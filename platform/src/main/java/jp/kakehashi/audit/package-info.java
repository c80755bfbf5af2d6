/**
 * The API execution log (API実行ログ, C1): one record for every {@code /v1} call, accepted or rejected, saying who
 * (customer, TPP, client, grant) did what (operation, resource) with which result (HTTP status, error code), when,
 * with the TPP's risk headers; and the staff action log (C4). It never holds tokens, DPoP proofs,
 * Authorization headers or other secrets.
 *
 * <p>Design, for durability and throughput at once:
 * <ul>
 * <li><b>Durable before the answer.</b> {@code web.ExecutionLogFilter} buffers the response, inserts the record in
 * its own transaction, and only then lets the body out. A call the TPP saw succeed is therefore in the log even if
 * the process dies right after; if the record cannot be written the TPP gets 503 instead of the data.</li>
 * <li><b>Append-only.</b> Triggers on {@code api_execution_log} refuse DELETE, TRUNCATE and every UPDATE but one:
 * giving an unchained record its chain link, once, with all its content unchanged.</li>
 * <li><b>Chained after the fact.</b> Chaining every insert would make all API calls of all nodes queue on one row
 * lock (the chain's head). Instead {@link jp.kakehashi.audit.ExecutionLogChain} takes the records appended since
 * its last turn, every second and at shutdown, and assigns sequence number, previous hash and SHA-256 hash in
 * batches, under a PostgreSQL advisory lock, so any number of nodes extend one chain without forking it. Records
 * are chained in id order; ids of different nodes may commit out of order, which only means a late commit is
 * chained in the next batch. Between insert and chaining (about a second) a record is protected by the triggers
 * alone.</li>
 * <li><b>Verifiable.</b> {@link jp.kakehashi.audit.ExecutionLogVerification} recomputes the chain and names the
 * first record where it breaks, with the walk every chain shares.</li>
 * </ul>
 *
 * <p><b>Evidence that holds against a database insider (C1, C4, D5).</b> A hash chain alone shows a changed record,
 * but not its last records removed, nor a record changed with every later hash computed anew. So:
 * <ul>
 * <li>every chain is a {@link jp.kakehashi.audit.HashChain}: the execution log, the business events
 * ({@code audit_events}, chained after the fact like the execution log so a transfer never waits on a global lock),
 * the staff action log (chained at insert) and the consent records (owned by {@code consent}, chained here);
 * {@link jp.kakehashi.audit.LateLinkedChain} and {@link jp.kakehashi.audit.ChainLinker} extend the first, second
 * and fourth;</li>
 * <li>a link must join the chain where it stands: PostgreSQL refuses a sequence number below 1, a link that does not
 * follow its predecessor's hash, and an insert carrying a link into a table chained after the fact (V21_5);</li>
 * <li>{@link jp.kakehashi.audit.Checkpoints} signs each chain's head every {@code kakehashi.audit.checkpoint-interval}
 * (ES256, {@link jp.kakehashi.audit.CheckpointSigner}, a key sealed under the master key the database never holds,
 * made in the owner's migration run by {@link jp.kakehashi.audit.CheckpointKeyCreation}), after the newest validly
 * signed checkpoint of the table and the files still holds, keeps it in {@code audit_checkpoint} and writes it once
 * to a file ({@link jp.kakehashi.audit.CheckpointFiles}, a write-once mount in production); the public key is at
 * {@code /audit/checkpoints/jwks.json};</li>
 * <li>{@link jp.kakehashi.audit.ChainVerification} checks every chain against its verified checkpoints
 * ({@link jp.kakehashi.audit.CheckpointIndex}) on a schedule, names where it breaks, and reports a chain whose
 * chaining or checkpointing has stalled (an advisory lock any session can hold; {@link jp.kakehashi.audit.LockMisses}
 * counts the turns missed); the {@code auditchains} actuator endpoint, the {@code kakehashi.audit.chain.broken} and
 * {@code …stalled} gauges and the console's auditor page report it;</li>
 * <li>the platform connects as a role that cannot change these tables nor lift their triggers
 * ({@code runtime.RuntimeRoleGrants}); {@link jp.kakehashi.audit.EvidenceProtection} says loudly when it can.</li>
 * </ul>
 * Also the business event log ({@link jp.kakehashi.audit.AuditEvents}, C3): every transfer status and refusal,
 * from the banking module's events. Depends on {@code risk} for the value of the TPP's risk headers it records, on
 * {@code tpp} to name the TPP of a client, on {@code banking} for its events only, and on {@code consent} for the
 * consent records it chains.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"shared", "risk", "tpp",
        "banking", "consent"})
package jp.kakehashi.audit;
