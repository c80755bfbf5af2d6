package jp.kakehashi.authorization.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authorization server's signing keys (ES256, FAPI 2.0 §5.4), shared by every node through PostgreSQL and
 * encrypted there with the master key (C2). The first node to start creates the key under an advisory lock, so a
 * cluster never ends up with two.
 */
@Component
public class SigningKeys {

    private final JWKSet keys;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, ServerSecrets secrets) {
        MasterKey masterKey = secrets.masterKey();
        List<String> sealed = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(7201)").query().singleValue();
            List<String> existing = jdbc.sql("select jwk_encrypted from signing_key where active order by created_at")
                    .query(String.class).list();
            if (!existing.isEmpty()) {
                return existing;
            }
            String created = masterKey.encrypt(generate().toJSONString());
            jdbc.sql("insert into signing_key (kid, jwk_encrypted, active) values (?, ?, true)")
                    .params(UUID.randomUUID().toString(), created).update();
            return List.of(created);
        });
        this.keys = new JWKSet(sealed.stream().map(s -> parse(masterKey.decrypt(s))).toList());
    }

    public JWKSource<SecurityContext> source() {
        return (selector, context) -> selector.select(keys);
    }

    private static JWK generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWK parse(String json) {
        try {
            return ECKey.parse(json);
        }
        catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is not a valid JWK", e);
        }
    }
}
