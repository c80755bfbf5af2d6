package jp.kakehashi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The copy of every checkpoint outside the database (C1, C4, D5): one file per checkpoint, holding its JWS, created
 * new and never overwritten, in {@code kakehashi.audit.checkpoint-directory}
 * ({@code <chain>/<yyyy-MM-dd>/<chain>-<count>-<time>.jws}, the count in 19 digits so names sort by count for every
 * possible count). In production that directory is a write-once (WORM) mount or an object-store path with object
 * lock, shared by the nodes: then neither the database's owner nor the platform's own credentials can take a
 * checkpoint back. Day folders keep a directory small enough to list the newest checkpoints cheaply. Only names of
 * this pattern are checkpoints: anything else a file system or object store leaves in the directory ({@code .nfs…}
 * files, folder markers) is not looked at.
 */
@Component
public class CheckpointFiles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    // 12 digits in the first files, 19 (every long) since; both are read
    private static final Pattern NAME = Pattern.compile("([a-z-]+)-(\\d{12,19})-(\\d{8}T\\d{6}Z)\\.jws");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Path directory;

    CheckpointFiles(@Value("${kakehashi.audit.checkpoint-directory:data/audit-checkpoints}") Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    static String fileName(String chain, long count, Instant at) {
        return "%s-%019d-%s.jws".formatted(chain, count, TIME.format(at));
    }

    /** Whether a name is one of a checkpoint file (what downloads accept). */
    static boolean isFileName(@Nullable String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether a file's name says what the checkpoint it holds says (chain, count and time). */
    static boolean nameMatches(String fileName, Checkpoint checkpoint) {
        var match = NAME.matcher(fileName);
        return match.matches() && match.group(1).equals(checkpoint.chain())
                && Long.parseLong(match.group(2)) == checkpoint.count()
                && match.group(3).equals(TIME.format(checkpoint.madeAt()));
    }

    Path directory() {
        return directory;
    }

    /**
     * Writes a checkpoint's file, created new and forced to the disk with its directory entry. A file of that name
     * that exists already is never overwritten: if it holds the same checkpoint nothing is lost; if not, this is
     * refused.
     */
    void write(Checkpoint checkpoint) throws IOException {
        Path file = pathOf(checkpoint.fileName());
        Path folder = Objects.requireNonNull(file.getParent(), "a checkpoint file lies in its day folder");
        boolean newFolder = !Files.isDirectory(folder);
        Files.createDirectories(folder);
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
            return;
        }
        // the file's data is on the disk; its name is, once the directory holding it is (and a new folder's in its own)
        forceDirectory(folder);
        if (newFolder) {
            forceDirectory(Objects.requireNonNull(folder.getParent(), "a day folder lies in its chain's folder"));
        }
    }

    /** Whether a checkpoint's file exists. */
    boolean exists(String fileName) {
        return isFileName(fileName) && Files.isRegularFile(pathOf(fileName));
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

    /**
     * The chain's day folders, newest first. With {@code newest > 0} only that many, of those not dated after
     * tomorrow ({@code today}, UTC, plus one: nodes' clocks differ a little): a folder dated in the future, whoever
     * made it, must not push the newest real checkpoints out of a cheap look; the full turn reads every folder.
     */
    List<Folder> folders(String chain, int newest, LocalDate today) {
        Path chainDirectory = directory.resolve(chain);
        if (!Files.isDirectory(chainDirectory)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(chainDirectory)) {
            String latestDay = today.plusDays(1).toString();
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> DAY.matcher(name).matches())
                    .filter(name -> newest == 0 || name.compareTo(latestDay) <= 0)
                    .sorted(Comparator.reverseOrder()).limit(newest == 0 ? Long.MAX_VALUE : newest)
                    .map(name -> new Folder(name, chainDirectory.resolve(name))).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint directory " + chainDirectory, e);
        }
    }

    /** The checkpoint file names in a day folder, sorted (other names are ignored). */
    List<String> namesIn(Folder folder) {
        try (Stream<Path> inFolder = Files.list(folder.path())) {
            return inFolder.map(p -> p.getFileName().toString()).filter(CheckpointFiles::isFileName).sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint folder " + folder.path(), e);
        }
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

    private static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open a directory for syncing; the file itself is on the disk
        }
    }

    /** A day folder of a chain's checkpoint files. */
    record Folder(String day, Path path) {
    }
}
