package jp.kakehashi.shared;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An ES256 signing key that every node of the platform shares: kept in a table of the owning module
 * ({@code kid, jwk_encrypted, created_at}), sealed there under the master key (C2, {@link SealedSecrets}), and made by
 * the first node that starts, under a PostgreSQL advisory lock, so several nodes never sign with different keys. A
 * module keeps its own table and purpose, so its key can be rotated or revoked alone.
 */
public final class SealedSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SealedSigningKeys.class);

    private SealedSigningKeys() {
    }

    /**
     * The key in {@code table}, made now if there is none: the oldest row that opens under the master key (rows that
     * do not, written by someone without it, are skipped), so every node picks the same key whatever else the table
     * holds.
     *
     * @param table     the owning module's key table (a constant of that module, never input)
     * @param lockId    the advisory lock that serialises the first creation across nodes
     * @param kidPrefix what the key id starts with, to tell the platform's keys apart in published key sets
     */
    public static ECKey loadOrCreate(JdbcClient jdbc, TransactionTemplate transactions, SealedSecrets sealing,
            String table, long lockId, String kidPrefix) {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(lockId).query().singleValue();
            return loadExisting(jdbc, sealing, table, kidPrefix).orElseGet(() -> create(jdbc, sealing, table,
                    kidPrefix));
        });
    }

    /**
     * The oldest key in {@code table} that opens under the master key and is what its row says (its key id, a
     * private EC key of this prefix); empty when no row does. Rows that do not are skipped and logged: only someone
     * without the master key writes such a row.
     */
    public static Optional<ECKey> loadExisting(JdbcClient jdbc, SealedSecrets sealing, String table,
            String kidPrefix) {
        List<String[]> rows = jdbc.sql("select kid, jwk_encrypted from " + table + " order by created_at, kid")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] row : rows) {
            try {
                ECKey key = ECKey.parse(sealing.open(row[1]));
                if (key.isPrivate() && row[0].equals(key.getKeyID()) && row[0].startsWith(kidPrefix)) {
                    return Optional.of(key);
                }
            }
            catch (ParseException | RuntimeException e) {
                // fall through: not a key sealed under this master key
            }
            log.warn("A row of {} ({}) is not a key sealed under the master key: ignored", table, row[0]);
        }
        return Optional.empty();
    }

    /** Makes a key, seals it and stores it in {@code table}. */
    public static ECKey create(JdbcClient jdbc, SealedSecrets sealing, String table, String kidPrefix) {
        ECKey key = generate(kidPrefix);
        jdbc.sql("insert into " + table + " (kid, jwk_encrypted) values (?, ?)")
                .params(key.getKeyID(), sealing.seal(key.toJSONString())).update();
        return key;
    }

    private static ECKey generate(String kidPrefix) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(kidPrefix + UUID.randomUUID()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
