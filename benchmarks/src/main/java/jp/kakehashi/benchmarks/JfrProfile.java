package jp.kakehashi.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder profile of one measurement (JFR's CPU-time samples every 5 ms of a thread's CPU where the JDK has
 * them, else execution samples every 10 ms; started and stopped around the measurement only), kept as a
 * {@code .jfr} file for {@code jfr print} or JMC and summed up for the report: where the JVM's CPU goes, by the step
 * of the transfer, by the kind of code at the top of the stack, and the hottest frames. The database runs in processes of its own and is not in it (see {@link ProcessCpu}).
 */
final class JfrProfile {

    private static final Map<String, String> KINDS = byPrefix(
            labelled("TLS (records, handshakes)", "sun.security.ssl.", "com.sun.crypto.provider."),
            labelled("signatures and hashes (DPoP proofs, tokens)",
                    "sun.security.rsa.", "sun.security.ec.", "sun.security.util.math.", "sun.security.provider.", "java.math."),
            labelled("JDBC driver (PostgreSQL protocol)", "org.postgresql."),
            labelled("connection pool", "com.zaxxer.hikari."),
            labelled("JSON", "com.fasterxml.", "net.minidev.", "com.nimbusds.jose.shaded."),
            labelled("Nimbus (JOSE, OAuth)", "com.nimbusds."),
            labelled("Tomcat (HTTP)", "org.apache."),
            labelled("Spring Security", "org.springframework.security."),
            labelled("Spring", "org.springframework."),
            labelled("Kakehashi", "jp.kakehashi."),
            labelled("JDK: regular expressions", "java.util.regex."),
            labelled("JDK: reflection and method handles",
                    "java.lang.invoke.", "jdk.internal.reflect.", "java.lang.reflect."),
            labelled("JDK: other", "java.", "jdk.", "sun."));

    /** A step of a transfer, recognised by a method on the stack; the deepest step on a sample's stack wins. */
    private record Step(String type, String method, String name) {

        boolean matches(RecordedMethod m) {
            return m.getType().getName().equals(type) && (method == null || m.getName().equals(method));
        }
    }

    private static final List<Step> STEPS = List.of(
            new Step("jp.kakehashi.banking.web.TransfersController", "transfer", "controller (the rest of it)"),
            new Step("jp.kakehashi.banking.transfer.Fingerprint", null, "request fingerprint"),
            new Step("jp.kakehashi.banking.web.ConsentedAccounts", null, "grant's consent and accounts"),
            new Step("jp.kakehashi.banking.web.TransferFeeController", "priced", "Zengin validation and pricing"),
            new Step("jp.kakehashi.banking.transfer.TransferDesk", "replay", "idempotency look-up (replay)"),
            new Step("jp.kakehashi.banking.transfer.TransferDesk", "submit", "submit: grant, customer, limits set-up"),
            new Step("jp.kakehashi.banking.transfer.TransferDesk", "claim",
                    "claim transaction: customer lock, limit sums, insert"),
            new Step("jp.kakehashi.banking.transfer.TransferDesk", "drive", "drive: the transfer row's updates"),
            new Step("jp.kakehashi.corebanking.simulator.SimulatedCoreBanking", "reserve",
                    "core simulator: reserve transaction"),
            new Step("jp.kakehashi.corebanking.simulator.SimulatedCoreBanking", "post",
                    "core simulator: post transaction"),
            new Step("jp.kakehashi.corebanking.simulator.SimulatedCoreBanking", null,
                    "core simulator: look-ups (customer, accounts, balance)"),
            new Step("jp.kakehashi.audit.ExecutionLogWriter", null, "execution log: writing"),
            new Step("jp.kakehashi.audit.ExecutionLogRecords", null, "execution log: writing"),
            new Step("jp.kakehashi.audit.web.ExecutionLogFilter", null, "execution log: filter's own work"),
            new Step("org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider",
                    null, "DPoP proof verification"),
            new Step("jp.kakehashi.authorization.token.StoredAccessTokenDecoder", null, "access token look-up"),
            new Step("jp.kakehashi.authorization.token.AccessTokenCache", null, "access token look-up"),
            new Step("jp.kakehashi.tpp.ratelimit.RateLimitFilter", null, "rate limiter's own work"),
            new Step("jp.kakehashi.risk.RiskHeaderFilter", null, "risk headers' own work"));

    private static final Map<String, String> OUTSIDE_STEPS = byPrefix(
            labelled("TLS", "sun.security.ssl.", "com.sun.crypto.provider."),
            labelled("Spring Security's filter chain", "org.springframework.security."),
            labelled("Spring MVC (dispatch, JSON body and answer)", "org.springframework.web.", "tools.jackson."),
            labelled("metrics and observations", "io.micrometer."),
            labelled("Tomcat (HTTP)", "org.apache."),
            labelled("virtual threads: scheduling, parking, I/O poller",
                    "sun.nio.ch.EPoll", "sun.nio.ch.Poller", "jdk.internal.vm.Continuation", "java.util.concurrent.ForkJoin", "java.lang.VirtualThread"));

    /** The code under some package prefixes, as the report names it. */
    private record Labelled(String label, List<String> prefixes) {
    }

    private static Labelled labelled(String label, String... prefixes) {
        return new Labelled(label, List.of(prefixes));
    }

    /**
     * Labels by package prefix; a name takes the label of the first prefix it starts with, so narrower prefixes come
     * before the broader ones they lie in.
     */
    private static Map<String, String> byPrefix(Labelled... groups) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Labelled group : groups) {
            group.prefixes().forEach(prefix -> labels.put(prefix, group.label()));
        }
        return labels;
    }

    private final Recording recording;
    private final Path file;

    private JfrProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static JfrProfile start(Path file) {
        Recording recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        // JDK 25's CPU-time sampler (JEP 509, Linux): samples by CPU spent, native code included; preferred when there
        recording.enable("jdk.CPUTimeSample").with("throttle", "5ms");
        recording.enable("jdk.GarbageCollection");
        recording.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
        recording.setToDisk(true);
        recording.start();
        return new JfrProfile(recording, file);
    }

    /** Stops, writes the file and sums it up as Markdown. */
    String stopAndSummarise(int top) throws Exception {
        recording.stop();
        recording.dump(file);
        recording.close();
        long samples = 0;
        long clientSamples = 0;
        Duration gc = Duration.ZERO;
        Map<String, Long> kinds = new HashMap<>();
        Map<String, Long> selfFrames = new HashMap<>();
        Map<String, Long> steps = new HashMap<>();
        Map<String, Long> stepsInJdbc = new HashMap<>();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        String sampleType = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gc = gc.plus(event.getDuration("sumOfPauses"));
                continue;
            }
            if (!type.equals(sampleType) || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            if (isClient(frames)) {
                clientSamples++;
                continue;
            }
            String leaf = name(frames.getFirst().getMethod());
            selfFrames.merge(leaf, 1L, Long::sum);
            kinds.merge(kind(frames.getFirst().getMethod()), 1L, Long::sum);
            String step = step(frames);
            steps.merge(step, 1L, Long::sum);
            if (inJdbc(frames)) {
                stepsInJdbc.merge(step, 1L, Long::sum);
            }
        }
        long server = samples - clientSamples;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d samples (%s): %d (%.0f%%) in the platform, %d (%.0f%%) in the load generator"
                + " (HTTP client, its TLS); GC pauses %d ms in all. File: `%s`.", samples, sampleType, server,
                100.0 * server / Math.max(1, samples), clientSamples, 100.0 * clientSamples / Math.max(1, samples),
                gc.toMillis(), file));
        lines.add("");
        lines.add("Platform samples by the step of the request they are in (the deepest step on the stack), and how"
                + " much of each step is spent in the database client (JDBC driver, pool, Spring JDBC):");
        lines.add("");
        lines.add("| step | share | of which in the database client |");
        lines.add("| --- | ---: | ---: |");
        steps.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> lines.add(String.format("| %s | %.1f%% | %.1f%% |", e.getKey(),
                        100.0 * e.getValue() / Math.max(1, server),
                        100.0 * stepsInJdbc.getOrDefault(e.getKey(), 0L) / Math.max(1, server))));
        lines.add("");
        lines.add("Platform samples by the code at the top of the stack:");
        lines.add("");
        table(lines, "kind of code", kinds, server, top);
        lines.add("");
        lines.add("Hottest frames (top of the stack, platform samples):");
        lines.add("");
        table(lines, "frame", selfFrames, server, top);
        return String.join(System.lineSeparator(), lines);
    }

    private static void table(List<String> lines, String heading, Map<String, Long> counts, long total, int top) {
        lines.add("| " + heading + " | share |");
        lines.add("| --- | ---: |");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> lines.add(String.format("| `%s` | %.1f%% |", e.getKey(),
                        100.0 * e.getValue() / Math.max(1, total))));
    }

    /**
     * The deepest step on the stack. A filter's frame counts as its own work only when it has not passed the request
     * on down the chain (no {@code doFilter} nearer the top); otherwise the sample belongs to what is below it.
     */
    private static String step(List<RecordedFrame> frames) {
        boolean passedOn = false;
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            for (Step step : STEPS) {
                if (step.matches(method) && !(passedOn && step.type().endsWith("Filter"))) {
                    return step.name();
                }
            }
            passedOn |= method.getName().startsWith("doFilter");
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (var outside : OUTSIDE_STEPS.entrySet()) {
                if (type.startsWith(outside.getKey())) {
                    return outside.getValue();
                }
            }
        }
        return "other";
    }

    private static boolean inJdbc(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.postgresql.") || type.startsWith("com.zaxxer.hikari.")
                    || type.startsWith("org.springframework.jdbc.")) {
                return true;
            }
        }
        return false;
    }

    /** The load generator's work: the JDK's HTTP client and the benchmark's own loop. */
    private static boolean isClient(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("jdk.internal.net.http.") || type.startsWith("jp.kakehashi.benchmarks.")) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static String kind(RecordedMethod method) {
        String type = method.getType().getName();
        for (var entry : KINDS.entrySet()) {
            if (type.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "other (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }
}
