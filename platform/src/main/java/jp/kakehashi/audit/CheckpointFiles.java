package jp.kakehashi.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The copy of every checkpoint outside the database (C1, C4, D5): one file per checkpoint, holding its JWS, created
 * new and never overwritten, in {@code kakehashi.audit.checkpoint-directory}
 * ({@code <chain>/<yyyy-MM-dd>/<chain>-<count>-<time>.jws}). In production that directory is a write-once (WORM)
 * mount or an object-store path with object lock, shared by the nodes: then neither the database's owner nor the
 * platform's own credentials can take a checkpoint back. Day folders keep a directory small enough to list the
 * newest checkpoints cheaply.
 */
@Component
public class CheckpointFiles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("([a-z-]+)-(\\d{12})-(\\d{8}T\\d{6}Z)\\.jws");

    private final Path directory;

    CheckpointFiles(@Value("${kakehashi.audit.checkpoint-directory:data/audit-checkpoints}") Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    static String fileName(String chain, long count, Instant at) {
        return "%s-%012d-%s.jws".formatted(chain, count, TIME.format(at));
    }

    /** Whether a name is one of a checkpoint file (what downloads accept). */
    static boolean isFileName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    Path directory() {
        return directory;
    }

    /**
     * Writes a checkpoint's file, created new and forced to the disk. A file of that name that exists already is
     * never overwritten: if it holds the same checkpoint nothing is lost; if not, this is refused.
     */
    void write(Checkpoint checkpoint) throws IOException {
        Path file = pathOf(checkpoint.fileName());
        Files.createDirectories(file.getParent());
        byte[] content = (checkpoint.jws() + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        catch (FileAlreadyExistsException e) {
            if (!checkpoint.jws().equals(Files.readString(file, StandardCharsets.US_ASCII).strip())) {
                throw new IOException("checkpoint file " + file + " exists with other content; it is never overwritten");
            }
        }
    }

    /** The JWS in a checkpoint file, if there is such a file. */
    Optional<String> read(String fileName) {
        if (!isFileName(fileName)) {
            return Optional.empty();
        }
        Path file = pathOf(fileName);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
                    : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The chain's files in its newest {@code days} day folders (every file when {@code days} is 0). */
    List<StoredFile> newest(String chain, int days) {
        Path chainDirectory = directory.resolve(chain);
        if (!Files.isDirectory(chainDirectory)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(chainDirectory)) {
            List<Path> chosen = folders.filter(Files::isDirectory)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .limit(days == 0 ? Long.MAX_VALUE : days).toList();
            for (Path folder : chosen) {
                try (Stream<Path> inFolder = Files.list(folder)) {
                    for (Path file : inFolder.filter(Files::isRegularFile).toList()) {
                        files.add(new StoredFile(file.getFileName().toString(),
                                Files.readString(file, StandardCharsets.US_ASCII).strip()));
                    }
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read the checkpoint directory " + chainDirectory, e);
        }
        return files;
    }

    /** The count a file's name claims, or -1 for a name that is no checkpoint's. */
    static long countIn(String fileName) {
        var match = NAME.matcher(fileName);
        return match.matches() ? Long.parseLong(match.group(2)) : -1;
    }

    private Path pathOf(String fileName) {
        var match = NAME.matcher(fileName);
        if (!match.matches()) {
            throw new IllegalArgumentException("not a checkpoint file name: " + fileName);
        }
        String day = match.group(3).substring(0, 4) + "-" + match.group(3).substring(4, 6) + "-"
                + match.group(3).substring(6, 8);
        return directory.resolve(match.group(1)).resolve(day).resolve(fileName);
    }

    /** A file as found: its name and the JWS it holds. */
    record StoredFile(String name, String jws) {
    }
}
