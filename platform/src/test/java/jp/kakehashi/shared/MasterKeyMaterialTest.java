package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C2: the master key file a local run makes is its owner's only, and so is one made before that rule. */
class MasterKeyMaterialTest {

    @TempDir
    Path home;

    @Test
    void ofWhenTheFileIsMissingThenItIsMadeOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        Path file = home.resolve("data/secrets/master.key");

        byte[] key = MasterKeyMaterial.of("", file);

        assertThat(key).hasSize(32);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(MasterKeyMaterial.of(null, file)).as("the same key at the next start").isEqualTo(key);
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void ofWhenAnOlderFileIsReadableByOthersThenItIsTightenedAndStillOpens() throws Exception {
        Path directory = Files.createDirectories(home.resolve("secrets"));
        Path file = directory.resolve("master.key");
        byte[] key = new byte[32];
        key[0] = 7;
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(MasterKeyMaterial.of("", file)).isEqualTo(key);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(directory)).isEqualTo("rwx------");
    }

    @Test
    void ofWhenTheKeySharesADirectoryThenTheDirectoryIsLeftButMustNotBeWritableByOthers() throws Exception {
        Path shared = Files.createDirectories(home.resolve("etc"));
        Files.writeString(shared.resolve("other.conf"), "x");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = shared.resolve("master.key");

        MasterKeyMaterial.of("", file);

        assertThat(mode(shared)).as("not the platform's to change").isEqualTo("rwxr-xr-x");
        assertThat(mode(file)).isEqualTo("rw-------");

        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> MasterKeyMaterial.of("", file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("writable by other users");
    }

    @Test
    void ofWhenAKeyIsConfiguredThenNoFileIsMadeAndItsLengthIsChecked() {
        Path file = home.resolve("unused/master.key");

        assertThat(MasterKeyMaterial.of(Base64.getEncoder().encodeToString(new byte[32]), file)).hasSize(32);

        assertThat(file.getParent()).doesNotExist();
        assertThatThrownBy(() -> MasterKeyMaterial.of(Base64.getEncoder().encodeToString(new byte[16]), file))
                .hasMessageContaining("32 bytes");
    }

    /**
     * C2: where the database already holds a secret sealed under the cluster's key, a node without a key makes none
     * (and refuses, saying what to set), and a node with another key refuses; the right key passes.
     */
    @Test
    void requireOpensWhenTheNodeHasNoKeyOrAnotherOneThenRefusedAndNoKeyIsMade() {
        Path file = home.resolve("node/secrets/master.key");
        byte[] clusterKey = new byte[32];
        clusterKey[0] = 7;
        String cluster = Base64.getEncoder().encodeToString(clusterKey);
        String sealed = SealedSecretsTestSupport.sealDirectly(clusterKey, "{\"kty\":\"EC\"}");

        assertThatThrownBy(() -> MasterKeyMaterial.requireOpens("", file, sealed, "the signing key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAKEHASHI_SECRETS_MASTER_KEY");
        assertThat(file).as("no key was made").doesNotExist();
        assertThatThrownBy(() -> MasterKeyMaterial.requireOpens(Base64.getEncoder().encodeToString(new byte[32]), file,
                sealed, "the signing key")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the key");
        MasterKeyMaterial.requireOpens(cluster, file, sealed, "the signing key");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
