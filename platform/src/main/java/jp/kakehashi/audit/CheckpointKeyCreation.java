package jp.kakehashi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import jp.kakehashi.shared.SealedSecrets;
import jp.kakehashi.shared.SealedSigningKeys;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Makes the checkpoint signing key (C1, C2), once, in the owner's migration run: after every migration, as the owner
 * Flyway connects as, with the master key the platform's configuration holds (the database never does). The runtime
 * role may only read {@code audit_checkpoint_key} (an {@code *_owner_only} table), so the application's credentials
 * can neither make a key nor plant a row that nodes would load. A key is made only while no checkpoint exists, in
 * the table or as a file: if the key was removed, or the master key changed, a new key would sign a rewritten
 * history as if it were the old one, so the run stops instead and says why.
 */
@Component
class CheckpointKeyCreation implements Callback {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKeyCreation.class);
    static final String TABLE = "audit_checkpoint_key";
    static final String KID_PREFIX = "checkpoint-";
    // the advisory lock that serialises the key's creation across nodes starting together
    private static final long KEY_LOCK = 7221;

    private final SealedSecrets sealing;
    private final CheckpointFiles files;

    @Autowired
    CheckpointKeyCreation(@Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile,
            CheckpointFiles files) {
        this(CheckpointSigner.sealing(masterKey, masterKeyFile), files);
    }

    CheckpointKeyCreation(SealedSecrets sealing, CheckpointFiles files) {
        this.sealing = sealing;
        this.files = files;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            ensureKey(context.getConnection());
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot make the checkpoint key", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "checkpoint-key";
    }

    /** Makes the key on the owner's connection unless one exists; refuses while checkpoints exist without it. */
    void ensureKey(Connection connection) throws SQLException {
        var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        if (jdbc.sql("select to_regclass(?) is null").param(TABLE).query(Boolean.class).single()) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY_LOCK).query().singleValue();
            if (SealedSigningKeys.loadExisting(jdbc, sealing, TABLE, KID_PREFIX).isEmpty()) {
                long rows = jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
                if (rows > 0 || anyFile()) {
                    throw new IllegalStateException("No checkpoint key in " + TABLE + " opens under the master key,"
                            + " but checkpoints exist (" + rows + " in audit_checkpoint, files in " + files.directory()
                            + "): the key was removed or the master key is not the one they were made with. A new key"
                            + " is not made, since it would vouch for whatever the chains hold now; restore the key"
                            + " row or the master key.");
                }
                var key = SealedSigningKeys.create(jdbc, sealing, TABLE, KID_PREFIX);
                log.info("Checkpoint key {} made", key.getKeyID());
            }
            if (autoCommit) {
                connection.commit();
            }
        }
        catch (RuntimeException | SQLException e) {
            if (autoCommit) {
                connection.rollback();
            }
            throw e;
        }
        finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    private boolean anyFile() {
        Path directory = files.directory();
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            return all.anyMatch(p -> CheckpointFiles.isFileName(p.getFileName().toString()));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint directory " + directory, e);
        }
    }
}
