package jp.kakehashi.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit master key every secret at rest is sealed under (C2): from {@code kakehashi.secrets.master-key} (base64,
 * production: from the environment or a KMS), else from {@code kakehashi.secrets.master-key-file}, which a local run
 * makes at first start.
 * <p>
 * The file is readable by its owner only (0600 in a 0700 directory), as OpenSSH keeps private keys: whoever can read
 * it opens every sealed seed and key in the database. A file made before this rule (with the umask's 0644), or loosened
 * by hand, is tightened at start, with a warning that it was readable by others and may have to be replaced; when the
 * platform cannot tighten it (another owner, a read-only mount), it refuses to start rather than run on a key others
 * can read. The directory is made 0700, and an existing one that holds nothing but the key is tightened the same way;
 * a directory shared with other files (say {@code /etc/kakehashi}) is not the platform's to change, but it must not be
 * writable by others, who could otherwise swap the key.
 */
public final class MasterKeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyMaterial.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private MasterKeyMaterial() {
    }

    /**
     * The master key's 32 bytes.
     *
     * @param base64 the configured key, or blank to use the file
     * @param file   where a local run keeps the key; made with a fresh key, owner-only, if missing
     */
    public static byte[] of(String base64, Path file) {
        byte[] key = base64 != null && !base64.isBlank() ? Base64.getDecoder().decode(base64.trim()) : fromFile(file);
        if (key.length != 32) {
            throw new IllegalStateException("the master key must be 32 bytes (base64 of 256 bits)");
        }
        return key;
    }

    /**
     * The configured key, or the key file's if it exists: never makes one. For the checks that must not create a key
     * where the database already holds secrets sealed under another ({@link #requireOpens}).
     */
    public static Optional<byte[]> existing(String base64, Path file) {
        if (base64 != null && !base64.isBlank()) {
            return Optional.of(of(base64, file));
        }
        return Files.exists(file.toAbsolutePath()) ? Optional.of(of(base64, file)) : Optional.empty();
    }

    /**
     * Refuses to go on (C2) unless this node's master key opens {@code sealedSample}, a value the database holds
     * sealed directly under the master key (AES-256-GCM, IV then ciphertext, as {@code signing_key.jwk_encrypted}):
     * a node without the key, or with another one, must not make a key of its own and seal anything under it — a
     * secret sealed so opens on no other node and is lost with that node.
     *
     * @param where what the sample is, for the message
     * @throws IllegalStateException with what to do, when the key is missing or is not the database's
     */
    public static void requireOpens(String base64, Path file, String sealedSample, String where) {
        byte[] key = existing(base64, file).orElseThrow(() -> new IllegalStateException("The database already holds "
                + "secrets sealed under a master key (" + where + "), but this node has none: "
                + "KAKEHASHI_SECRETS_MASTER_KEY is not set and " + file.toAbsolutePath() + " does not exist. Set the "
                + "master key the other nodes use; no new key is made, since nothing sealed under it would open "
                + "anywhere else."));
        if (!opens(key, sealedSample)) {
            throw new IllegalStateException("This node's master key does not open the secrets the database holds ("
                    + where + "): it is not the key they were sealed under. Set the master key the other nodes use "
                    + "(KAKEHASHI_SECRETS_MASTER_KEY, or the key file " + file.toAbsolutePath() + ").");
        }
    }

    /** Whether {@code key} opens a value sealed directly under it (AES-GCM, base64 of IV then ciphertext). */
    static boolean opens(byte[] key, String sealedBase64) {
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.doFinal(sealed, 12, sealed.length - 12);
            return true;
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] fromFile(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Path directory = parentOf(absolute);
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                ownerOnly(directory, DIRECTORY);
            }
            else if (onlyTheKeyIn(directory, absolute)) {
                ownerOnly(directory, DIRECTORY);
            }
            else {
                notWritableByOthers(directory);
            }
            if (!Files.exists(absolute)) {
                create(absolute);
            }
            ownerOnly(absolute, FILE);
            return Base64.getDecoder().decode(Files.readString(absolute, StandardCharsets.US_ASCII).trim());
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read or create the master key file " + absolute, e);
        }
    }

    /** The directory of an absolute key file: the file system's root holds no key file. */
    private static Path parentOf(Path absolute) {
        return Objects.requireNonNull(absolute.getParent(), "the master key file must be inside a directory");
    }

    /**
     * Writes a fresh key to a temporary file that is owner-only from its creation, then links it into place: a node
     * starting at the same moment either wins or reads the winner's complete key, never a half-written one.
     */
    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path directory = parentOf(file);
        Path temporary = posix(directory)
                ? Files.createTempFile(directory, ".master", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(directory, ".master", ".tmp");
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            }
            catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // its key is complete: it was linked in only after being written
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Tightens a path readable by others, or refuses when it cannot; a file system without POSIX modes is left. */
    static void ownerOnly(Path path, Set<PosixFilePermission> wanted) {
        if (!posix(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
            if (now.stream().noneMatch(OTHERS::contains)) {
                return;
            }
            Files.setPosixFilePermissions(path, wanted);
            log.warn("The master key {} {} was open to other users ({}); it is now {}. Anyone who could read it can open"
                    + " every sealed secret: if others use this machine, replace the key.",
                    Files.isDirectory(path) ? "directory" : "file", path, PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(wanted));
        }
        catch (IOException | SecurityException e) {
            throw new IllegalStateException("the master key " + (Files.isDirectory(path) ? "directory " : "file ")
                    + path + " is readable by other users and cannot be restricted (" + e.getMessage() + "); make it "
                    + "owner-only (chmod " + (Files.isDirectory(path) ? "700" : "600") + ") or set "
                    + "kakehashi.secrets.master-key instead", e);
        }
    }

    private static boolean onlyTheKeyIn(Path directory, Path key) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.allMatch(entry -> entry.equals(key) || entry.getFileName().toString().startsWith(".master"));
        }
    }

    private static void notWritableByOthers(Path directory) throws IOException {
        if (posix(directory) && Files.getPosixFilePermissions(directory).stream()
                .anyMatch(p -> p == PosixFilePermission.GROUP_WRITE || p == PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException("the directory " + directory + " of the master key is writable by other "
                    + "users, who could replace the key; keep the key in a directory of its own (it is made 0700) or "
                    + "make this one writable by its owner only");
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
