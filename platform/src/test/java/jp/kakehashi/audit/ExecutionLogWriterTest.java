package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.kakehashi.risk.RiskSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: every record acknowledged exactly once, after its batch is written; a bad record fails only itself. */
class ExecutionLogWriterTest {

    private final ExecutionLogRecords records = mock(ExecutionLogRecords.class);
    private final ExecutionLogWriter writer = new ExecutionLogWriter(records);
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        writer.stop();
    }

    @Test
    void appendWhenManyCallsAtOnceThenEachGetsItsOwnIdAndBatchesFormed() throws Exception {
        when(records.appendAll(anyList())).thenAnswer(call -> {
            List<ExecutionLogRecord> batch = call.getArgument(0);
            batchSizes.add(batch.size());
            Thread.sleep(5); // a commit waiting for the disk, while more calls queue up
            List<Long> assigned = new ArrayList<>();
            batch.forEach(record -> assigned.add(ids.incrementAndGet()));
            return assigned;
        });
        writer.start();

        List<Future<Long>> calls = new ArrayList<>();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 400; i++) {
                calls.add(callers.submit(() -> writer.append(record("C0001"))));
            }
        }

        List<Long> acknowledged = new ArrayList<>();
        for (Future<Long> call : calls) {
            acknowledged.add(call.get());
        }
        assertThat(acknowledged).doesNotHaveDuplicates().hasSize(400);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(batchSizes.size()).as("commits shared by concurrent calls").isLessThan(400);
    }

    @Test
    void appendWhenTheBatchFailsThenRecordsAreTriedAloneAndOnlyTheBadOneFails() throws Exception {
        when(records.appendAll(anyList())).thenThrow(new IllegalStateException("batch refused"));
        when(records.append(any())).thenAnswer(call -> {
            ExecutionLogRecord record = call.getArgument(0);
            if ("BAD".equals(record.customerId())) {
                throw new IllegalStateException("this record cannot be stored");
            }
            return ids.incrementAndGet();
        });
        writer.start();

        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> good = callers.submit(() -> writer.append(record("C0001")));
            Future<Long> bad = callers.submit(() -> writer.append(record("BAD")));

            assertThat(good.get()).isPositive();
            assertThatThrownBy(bad::get).hasRootCauseMessage("this record cannot be stored");
        }
    }

    @Test
    void appendWhenNotStartedThenWrittenOnTheCallersThread() {
        when(records.append(any())).thenReturn(42L);

        assertThat(writer.append(record("C0001"))).isEqualTo(42L);
    }

    private static ExecutionLogRecord record(String customerId) {
        return new ExecutionLogRecord(null, Instant.now(), customerId, "tpp", "client", "grant", "GET /v1/accounts",
                null, 200, null, 10, new RiskSignals(UUID.randomUUID(), true, null, null, null, null, "127.0.0.1",
                        Set.of()), null);
    }
}
