package jp.kakehashi.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import jp.kakehashi.shared.SealedSecrets;
import jp.kakehashi.shared.SealedSigningKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks checkpoints (C1, C4, D5) with an ES256 key every node shares, sealed in
 * {@code audit_checkpoint_key} under the master key (C2): whoever can write to the database cannot sign, because the
 * database never holds the master key. The key is made in the owner's migration run ({@link CheckpointKeyCreation});
 * a node only loads it: the oldest row that opens under the master key, so a row planted by anyone else is ignored,
 * and a node whose key is gone refuses to start rather than sign with another. The public key is published ({@code /audit/checkpoints/jwks.json}) so an
 * auditor can check checkpoints, and checkpoint files, without the bank's software.
 * <p>
 * A checkpoint is a JWT of type {@value #TYPE}: {@code iss} the bank's issuer, {@code iat} the time, and
 * {@code chain}, {@code count} and {@code head_hash}.
 */
@Component
public class CheckpointSigner {

    static final String TYPE = "kakehashi-checkpoint+jwt";

    private final ECKey key;
    private final String issuer;

    @Autowired
    CheckpointSigner(JdbcClient jdbc,
            @Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile,
            @Value("${kakehashi.issuer}") String issuer) {
        this(SealedSigningKeys.loadExisting(jdbc, sealing(masterKey, masterKeyFile), CheckpointKeyCreation.TABLE,
                CheckpointKeyCreation.KID_PREFIX).orElseThrow(() -> new IllegalStateException("No checkpoint key in "
                        + CheckpointKeyCreation.TABLE + " opens under the master key: the owner's migration run makes"
                        + " it (run the migrations with the master key), and never makes another while checkpoints"
                        + " exist")), issuer);
    }

    /** The sealing of the checkpoint key under the master key. */
    static SealedSecrets sealing(String masterKey, Path masterKeyFile) {
        return SealedSecrets.forPurpose(masterKey, masterKeyFile, "audit-checkpoint-key");
    }

    CheckpointSigner(ECKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** The public key set an auditor checks checkpoints with. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A checkpoint of a chain's head now. */
    Checkpoint sign(String chain, long count, String headHash, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        var claims = new JWTClaimsSet.Builder().issuer(issuer).issueTime(Date.from(at)).claim("chain", chain)
                .claim("count", count).claim("head_hash", headHash).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(TYPE))
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException("the checkpoint key cannot sign", e);
        }
        return new Checkpoint(chain, count, headHash, at, jwt.serialize(), CheckpointFiles.fileName(chain, count, at));
    }

    /**
     * What a JWS says, when it is a checkpoint this bank's key signed; empty when it is not (altered, forged,
     * another key, not a checkpoint at all).
     */
    Optional<Checkpoint> verify(String jws) {
        try {
            SignedJWT jwt = SignedJWT.parse(jws.strip());
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !key.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String chain = claims.getStringClaim("chain");
            Long count = claims.getLongClaim("count");
            String head = claims.getStringClaim("head_hash");
            if (chain == null || count == null || head == null || claims.getIssueTime() == null) {
                return Optional.empty();
            }
            Instant at = claims.getIssueTime().toInstant();
            return Optional.of(new Checkpoint(chain, count, head, at, jws.strip(),
                    CheckpointFiles.fileName(chain, count, at)));
        }
        catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
