package jp.kakehashi.shared;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An ES256 signing key that every node of the platform shares: kept in a table of the owning module
 * ({@code kid, jwk_encrypted, created_at}), sealed there under the master key (C2, {@link SealedSecrets}), and made by
 * the first node that starts, under a PostgreSQL advisory lock, so several nodes never sign with different keys. A
 * module keeps its own table and purpose, so its key can be rotated or revoked alone.
 */
public final class SealedSigningKeys {

    private SealedSigningKeys() {
    }

    /**
     * The newest key in {@code table}, made now if there is none.
     *
     * @param table     the owning module's key table (a constant of that module, never input)
     * @param lockId    the advisory lock that serialises the first creation across nodes
     * @param kidPrefix what the key id starts with, to tell the platform's keys apart in published key sets
     */
    public static ECKey loadOrCreate(JdbcClient jdbc, TransactionTemplate transactions, SealedSecrets sealing,
            String table, long lockId, String kidPrefix) {
        String sealed = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(lockId).query().singleValue();
            return jdbc.sql("select jwk_encrypted from " + table + " order by created_at desc limit 1")
                    .query(String.class).optional().orElseGet(() -> {
                        ECKey key = generate(kidPrefix);
                        String created = sealing.seal(key.toJSONString());
                        jdbc.sql("insert into " + table + " (kid, jwk_encrypted) values (?, ?)")
                                .params(key.getKeyID(), created).update();
                        return created;
                    });
        });
        try {
            return ECKey.parse(sealing.open(sealed));
        }
        catch (ParseException e) {
            throw new IllegalStateException("the key stored in " + table + " is not a valid JWK", e);
        }
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
