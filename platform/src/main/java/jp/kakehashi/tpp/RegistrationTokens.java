package jp.kakehashi.tpp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initial access tokens for dynamic client registration (RFC 7591 §3): the bank issues one to an approved TPP, the
 * TPP registers one client with it, once. Only the hash is stored (C2); the value is shown once at issue.
 */
@Service
public class RegistrationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    RegistrationTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a token for the TPP, valid for {@code validity}; the returned value is never stored. */
    @Transactional
    public String issue(String tppId, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into registration_token (token_hash, tpp_id, expires_at) values (?, ?, ?)")
                .params(hash(token), tppId, Timestamp.from(clock.instant().plus(validity))).update();
        return token;
    }

    /** Uses up a token for a new client; the TPP it was issued to, or empty when unknown, expired or used. */
    @Transactional
    public Optional<String> redeem(String token, String clientId) {
        return jdbc.sql("""
                update registration_token set used_at = ?, client_id = ?
                 where token_hash = ? and used_at is null and expires_at > ?
                returning tpp_id
                """).params(Timestamp.from(clock.instant()), clientId, hash(token), Timestamp.from(clock.instant()))
                .query(String.class).optional();
    }

    static String hash(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
