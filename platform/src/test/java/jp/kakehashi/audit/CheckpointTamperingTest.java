package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import jp.kakehashi.audit.ChainVerification.ChainStatus;
import jp.kakehashi.audit.ChainVerification.Status;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C1, C4, D5: a forged checkpoint, in the table or as a file, is tampering; the owner removing checkpoint rows is
 * caught by the files; a planted or removed checkpoint key neither loads nor is replaced; and a held advisory lock
 * that stops chaining or checkpointing is reported as a stall. Tampering with the entries themselves:
 * {@link EvidenceTamperingTest}.
 */
class CheckpointTamperingTest extends EvidenceTamperingTestSupport {

    @Test
    void verifyWhenACheckpointInTheTableIsForgedThenBroken() {
        String chain = ExecutionLogChain.NAME;
        long head = append(chain, 2);
        Checkpoint real = checkpointThrough(chain, head);
        // the real signature over other claims: a count far ahead, as if the log had been longer
        String[] parts = real.jws().split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"x\",\"iat\":" + real.madeAt().getEpochSecond() + ",\"chain\":\"" + chain
                        + "\",\"count\":" + (head + 100) + ",\"head_hash\":\"" + real.headHash() + "\"}").getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        // the runtime role may insert checkpoints: only the signature makes one
        JdbcClient.create(postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE))
                .sql("""
                        insert into audit_checkpoint (chain, count, head_hash, made_at, jws, file_name)
                        values (?, ?, ?, ?, ?, ?)""").params(chain, head + 100, real.headHash(),
                        java.sql.Timestamp.from(real.madeAt()), forged,
                        CheckpointFiles.fileName(chain, head + 100, real.madeAt())).update();

        try {
            assertBroken(chain, head + 100, head, "signature");
            // the forged row is skipped, not taken for the latest checkpoint: checkpointing goes on
            assertThat(checkpoints.latest(chain)).map(Checkpoint::count).contains(head);
            long next = append(chain, 2);
            assertThat(checkpoints.checkpointAll()).anySatisfy(made -> {
                assertThat(made.chain()).isEqualTo(chain);
                assertThat(made.count()).isEqualTo(next);
            });
            assertThat(checkpoints.latest(chain)).map(Checkpoint::count).contains(next);
            assertThat(checkpoints.latest(chain, 10)).filteredOn(listed -> !listed.signed()).singleElement()
                    .satisfies(listed -> assertThat(listed.checkpoint().count()).isEqualTo(head + 100));
        }
        finally {
            asOwnerOn("audit_checkpoint", "delete from audit_checkpoint where count = " + (head + 100)
                    + " and chain = '" + chain + "'");
        }
        assertThat(status(chain).status()).isEqualTo(Status.INTACT);
    }

    @Test
    void checkpointWhenMadeThenOneFileEachNeverOverwrittenAndAnAlteredFileIsTampering() throws IOException {
        String chain = StaffActionChain.NAME;
        long head = append(chain, 1);
        Checkpoint made = checkpointThrough(chain, head);

        Path file = fileOf(made);
        assertThat(Files.readString(file).strip()).isEqualTo(made.jws());
        assertThat(checkpoints.download(made.fileName())).contains(made.jws());
        List<Path> all;
        try (Stream<Path> walk = Files.walk(files.directory().resolve(chain))) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(all).hasSameSizeAs(checkpoints.latest(chain, 1000));
        var other = new Checkpoint(made.chain(), made.count(), made.headHash(), made.madeAt(), made.jws() + "x",
                made.fileName());
        assertThatThrownBy(() -> files.write(other)).isInstanceOf(IOException.class);
        assertThat(Files.readString(file).strip()).isEqualTo(made.jws());

        // an altered file next to the real ones (a copy whose signature no longer matches)
        Path altered = file.resolveSibling(CheckpointFiles.fileName(chain, head + 7, made.madeAt()));
        Files.writeString(altered, made.jws().substring(0, made.jws().length() - 4) + "AAAA\n");
        try {
            assertBroken(chain, head + 7, head, "file");
        }
        finally {
            Files.delete(altered);
        }
        // what a file system or object store leaves beside the checkpoints is not a checkpoint
        Path stray = file.resolveSibling(".nfs000000000123abcd");
        Path marker = files.directory().resolve(chain).resolve("folder.marker");
        Files.writeString(stray, "x");
        Files.writeString(marker, "");
        try {
            assertThat(status(chain).status()).isEqualTo(Status.INTACT);
        }
        finally {
            Files.delete(stray);
            Files.delete(marker);
        }
        assertThat(status(chain).status()).isEqualTo(Status.INTACT);
    }

    @Test
    void verifyWhenDayFoldersAreDatedInTheFutureThenACheapTurnStillReadsTheNewestRealOnes() throws IOException {
        String chain = StaffActionChain.NAME;
        var node = restartedNode(new MutableClock(Instant.now()));
        long head = append(chain, 1);
        Checkpoint made = checkpointThrough(chain, head);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
        Path chainDirectory = files.directory().resolve(chain);
        List<Path> future = List.of(chainDirectory.resolve("2999-01-01"), chainDirectory.resolve("2998-12-31"));
        for (Path folder : future) {
            Files.createDirectories(folder);
        }
        Path altered = fileOf(made).resolveSibling(CheckpointFiles.fileName(chain, head + 3, made.madeAt()));
        Files.writeString(altered, made.jws().substring(0, made.jws().length() - 4) + "AAAA\n");
        try {
            ChainStatus status = statusOf(node.verifyRecent(), chain);
            assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
            assertThat(status.firstBroken()).isEqualTo(head + 3);
        }
        finally {
            Files.delete(altered);
            for (Path folder : future) {
                Files.delete(folder);
            }
        }
    }

    @Test
    void verifyWhenTheOwnerDeletesTheCheckpointRowsAndTruncatesThenTheFilesCatchItAndNothingIsSigned() {
        String chain = AuditEventChain.NAME;
        long head = append(chain, 4);
        checkpointThrough(chain, head);
        List<String> rows = owner.sql("select to_jsonb(c)::text from audit_checkpoint c where chain = ? order by id")
                .param(chain).query(String.class).list();
        var snapshot = snapshot(chain, head - 1);

        try {
            asOwnerOn("audit_checkpoint", "delete from audit_checkpoint where chain = '" + chain + "'");
            asOwner(chain, "delete from %s where sequence_number > " + (head - 2));

            // a node that starts now knows only what the table and the directory hold: the files say what was
            ChainStatus status = statusOf(restartedNode(new MutableClock(Instant.now())).verifyFully(), chain);
            assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
            assertThat(status.firstBroken()).isEqualTo(head - 1);
            assertThat(status.reason()).contains("missing");
            // and its checkpoints do not sign the shortened chain as if it were the whole
            assertThat(restartedCheckpoints().checkpointAll()).noneSatisfy(made -> assertThat(made.chain())
                    .isEqualTo(chain));
            assertBroken(chain, head - 1, "missing");
        }
        finally {
            String[] inserts = rows.stream().map(row -> "insert into audit_checkpoint overriding system value select *"
                    + " from jsonb_populate_record(null::audit_checkpoint, '" + row + "'::jsonb)")
                    .toArray(String[]::new);
            asOwnerOn("audit_checkpoint", inserts);
            restore(chain, head - 1, snapshot);
        }
    }

    @Test
    void checkpointKeyWhenItsRowIsReplacedOrDeletedThenNodesLoadTheRealOneOrRefuseToMakeAnother() throws Exception {
        List<String> keys = owner.sql("select to_jsonb(k)::text from audit_checkpoint_key k").query(String.class)
                .list();
        checkpointThrough(StaffActionChain.NAME, append(StaffActionChain.NAME, 1));
        String kid = signer.publicKeys().getKeys().getFirst().getKeyID();
        try {
            // rows that do not open under the master key (which the database never holds) are skipped, whatever
            // their date says
            asOwnerOn("audit_checkpoint_key",
                    "insert into audit_checkpoint_key values ('checkpoint-planted-1', 'AAAA', '-infinity')",
                    "insert into audit_checkpoint_key values ('checkpoint-planted-2', 'AAAA', 'infinity')");
            assertThat(restartedSigner().publicKeys().getKeys().getFirst().getKeyID()).isEqualTo(kid);

            asOwnerOn("audit_checkpoint_key", "delete from audit_checkpoint_key where kid = '" + kid + "'");
            assertThatThrownBy(this::restartedSigner).hasMessageContaining("No checkpoint key");
            try (var connection = postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE)
                    .getConnection()) {
                assertThatThrownBy(() -> new CheckpointKeyCreation("", masterKeyFile, files).ensureKey(connection))
                        .hasMessageContaining("checkpoints exist");
            }
            assertThat(owner.sql("select count(*) from audit_checkpoint_key where kid not like 'checkpoint-planted%'")
                    .query(Long.class).single()).isZero();
        }
        finally {
            List<String> statements = new java.util.ArrayList<>(List.of("delete from audit_checkpoint_key"));
            keys.forEach(key -> statements.add("insert into audit_checkpoint_key select * from"
                    + " jsonb_populate_record(null::audit_checkpoint_key, '" + key + "'::jsonb)"));
            asOwnerOn("audit_checkpoint_key", statements.toArray(String[]::new));
        }
        assertThat(restartedSigner().publicKeys().getKeys().getFirst().getKeyID()).isEqualTo(kid);
    }

    @Test
    void verifyWhenAHeldAdvisoryLockStopsCheckpointingThenReportedAsAStallUntilItIsReleased() throws Exception {
        String chain = AuditEventChain.NAME;
        var clock = new MutableClock(Instant.now());
        var node = restartedNode(clock);
        long head = append(chain, 1);
        checkpointThrough(chain, head);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
        long later;
        try (var holder = postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE)
                .getConnection(); var statement = holder.createStatement()) {
            // any role may hold it, for as long as it likes
            statement.execute("select pg_advisory_lock(" + 0x4b414b45434b5054L + ")");
            later = append(chain, 2);
            assertThat(checkpoints.checkpointAll()).isEmpty();
            assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);

            clock.advance(Duration.ofMinutes(6));
            ChainStatus stalled = statusOf(node.verifyRecent(), chain);

            assertThat(stalled.status()).as(stalled.toString()).isEqualTo(Status.BROKEN);
            assertThat(stalled.firstBroken()).isEqualTo(head + 1);
            assertThat(stalled.checkedThrough()).isEqualTo(head);
            assertThat(stalled.stalled()).isTrue();
            assertThat(stalled.tampered()).isFalse();
            assertThat(stalled.reason()).contains("not checkpointed since");
            assertThat(checkpoints.lockMisses().consecutive()).isPositive();
            statement.execute("select pg_advisory_unlock(" + 0x4b414b45434b5054L + ")");
        }
        checkpointThrough(chain, later);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
    }

    @Test
    void verifyWhenAHeldAdvisoryLockStopsChainingThenReportedAsAStall() throws Exception {
        String chain = ExecutionLogChain.NAME;
        var clock = new MutableClock(Instant.now());
        var node = restartedNode(clock);
        long head = append(chain, 1);
        checkpointThrough(chain, head);
        try (var holder = postgres.getDatabase(EmbeddedDatabaseRoles.RUNTIME, EmbeddedDatabaseRoles.DATABASE)
                .getConnection(); var statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + 0x4b414b4541554454L + ")");
            appendUnchained(chain);
            assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);

            clock.advance(Duration.ofMinutes(2));
            ChainStatus stalled = statusOf(node.verifyRecent(), chain);

            assertThat(stalled.status()).as(stalled.toString()).isEqualTo(Status.BROKEN);
            assertThat(stalled.firstBroken()).isEqualTo(head + 1);
            assertThat(stalled.stalled()).isTrue();
            assertThat(stalled.reason()).contains("unchained since");
            // released now, not when the server notices the closed connection
            statement.execute("select pg_advisory_unlock(" + 0x4b414b4541554454L + ")");
        }
        lateChains.forEach(LateLinkedChain::chainPending);
        ChainStatus after = statusOf(node.verifyRecent(), chain);
        assertThat(after.status()).as(after.toString()).isEqualTo(Status.INTACT);
    }

}
