package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.kakehashi.audit.ChainVerification.ChainStatus;
import jp.kakehashi.audit.ChainVerification.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * C1, C4, D5 against a database insider: for every chain, someone connected as the tables' OWNER lifts the
 * append-only trigger and (a) deletes the last entries, (b) changes an entry and computes every later hash anew, or
 * (c) changes an entry without re-hashing. The verification names the chain BROKEN at the right place, and the
 * {@code auditchains} endpoint says so. After each case the owner puts the rows back and the chain verifies again.
 * Checkpoints, their keys and stalls: {@link CheckpointTamperingTest}.
 */
class EvidenceTamperingTest extends EvidenceTamperingTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {ExecutionLogChain.NAME, AuditEventChain.NAME, StaffActionChain.NAME,
            ConsentRecordChain.NAME})
    void verifyWhenOwnerDeletesTheLastEntriesThenBrokenAtTheFirstMissingOne(String chain) {
        long head = append(chain, 5);
        checkpointThrough(chain, head);
        var snapshot = snapshot(chain, head - 1);

        try {
            asOwner(chain, "delete from %s where sequence_number > " + (head - 2));

            assertBroken(chain, head - 1, "missing");
        }
        finally {
            restore(chain, head - 1, snapshot);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ExecutionLogChain.NAME, AuditEventChain.NAME, StaffActionChain.NAME,
            ConsentRecordChain.NAME})
    void verifyWhenOwnerChangesAnEntryAndRechainsEveryLaterHashThenBrokenAfterTheLastMatchingCheckpoint(
            String chain) {
        long first = append(chain, 3);
        checkpointThrough(chain, first);
        long second = append(chain, 3);
        checkpointThrough(chain, second);
        long changed = first + 2;
        var snapshot = snapshot(chain, changed);

        try {
            rechainFrom(chain, changed);

            assertThat(ChainWalk.fromStart(chain(chain)).intact()).as("the walk alone sees nothing").isTrue();
            assertBroken(chain, first + 1, "re-hashed");
        }
        finally {
            restore(chain, changed, snapshot);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ExecutionLogChain.NAME, AuditEventChain.NAME, StaffActionChain.NAME,
            ConsentRecordChain.NAME})
    void verifyWhenOwnerChangesAnEntryWithoutRechainingThenBrokenAtThatEntry(String chain) {
        long head = append(chain, 3);
        checkpointThrough(chain, head);
        long changed = head - 1;
        var snapshot = snapshot(chain, changed);

        try {
            asOwner(chain, "update %s set " + CHANGES.get(TABLES.get(chain)) + " where sequence_number = " + changed);

            assertBroken(chain, changed, "changed");
        }
        finally {
            restore(chain, changed, snapshot);
        }
    }


    @Test
    void verifyWhenEntriesThisNodeWalkedAreRechainedBeforeAnyCheckpointThenBrokenNotWalkedAgainSilently() {
        String chain = ConsentRecordChain.NAME;
        var node = restartedNode(new MutableClock(Instant.now()));
        long checkpointed = append(chain, 2);
        checkpointThrough(chain, checkpointed);
        long head = append(chain, 3);
        assertThat(statusOf(node.verifyRecent(), chain).status()).isEqualTo(Status.INTACT);
        var snapshot = snapshot(chain, head - 1);

        try {
            rechainFrom(chain, head - 1);

            ChainStatus status = statusOf(node.verifyRecent(), chain);
            assertThat(status.status()).as(status.toString()).isEqualTo(Status.BROKEN);
            assertThat(status.firstBroken()).isEqualTo(checkpointed + 1);
            assertThat(status.reason()).contains("no longer has the hash");
        }
        finally {
            restore(chain, head - 1, snapshot);
        }
    }

}
