package jp.kakehashi.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM (platform and load generator together) and of the embedded PostgreSQL's processes (the
 * postmaster found by its data directory, and its children: backends, WAL writer, checkpointer). On a 2-CPU machine
 * the two compete, so the report shows what a transfer costs each. Linux only ({@code /proc}); elsewhere the
 * database's share reads as zero.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the JDK supports

    private final String dataDirectory;

    ProcessCpu(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().toString();
    }

    /** CPU seconds so far: the JVM's, and each database process's by pid. */
    record Snapshot(long wallNanos, double jvmSeconds, Map<Long, Double> databaseSeconds) {
    }

    /** CPU seconds spent between two snapshots, and the wall time. */
    record Usage(double wallSeconds, double jvmSeconds, double databaseSeconds) {

        double machineShare(int cpus) {
            return (jvmSeconds + databaseSeconds) / (wallSeconds * cpus);
        }
    }

    Snapshot take() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Long, Double> database = new HashMap<>();
        databaseProcesses().forEach(process -> {
            double seconds = cpuSeconds(process.pid());
            if (seconds >= 0) {
                database.put(process.pid(), seconds);
            }
        });
        return new Snapshot(System.nanoTime(), os.getProcessCpuTime() / 1e9, database);
    }

    /** A database process that started in between counts from zero; one that ended in between is lost (rare). */
    static Usage between(Snapshot before, Snapshot after) {
        double database = 0;
        for (var entry : after.databaseSeconds().entrySet()) {
            database += entry.getValue() - before.databaseSeconds().getOrDefault(entry.getKey(), 0.0);
        }
        return new Usage((after.wallNanos() - before.wallNanos()) / 1e9, after.jvmSeconds() - before.jvmSeconds(),
                database);
    }

    private Stream<ProcessHandle> databaseProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(dataDirectory)
                        && line.contains("postgres")).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.children()));
    }

    /** utime + stime from {@code /proc/<pid>/stat}; the command name (field 2) may hold spaces, so parse after it. */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields now start at field 3 (state): utime is field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        }
        catch (Exception e) {
            return -1;
        }
    }
}
