package jp.kakehashi.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load averages (1, 5, 15 minutes), as {@code uptime} shows them: the benchmarks share a 2-CPU machine
 * with other builds, so each measurement is reported with the load before and after it.
 */
final class MachineLoad {

    private MachineLoad() {
    }

    static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (Exception e) {
            return "n/a";
        }
    }
}
