package jp.kakehashi.authorization.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

/**
 * The lifetime of a pushed request's {@code request_uri} (RFC 9126 §2.2), kept on the row of its state (the
 * {@code request_uri} without its URN prefix) in the shared store, so every node enforces the same expiry.
 */
@Component
public class PushedRequestUris {

    private final JdbcClient jdbc;

    PushedRequestUris(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records when the request_uri of {@code state} was issued and when it expires. */
    public void setLifetime(String state, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("update oauth_token set issued_at = ?, expires_at = ? where token_hash = ? and token_kind = ?")
                .params(Timestamp.from(issuedAt), Timestamp.from(expiresAt), TokenHash.ofPresented(state),
                        OAuth2ParameterNames.STATE)
                .update();
    }

    /** When the request_uri of {@code state} expires; empty if it is unknown, used, or has no recorded lifetime. */
    public Optional<Instant> expiresAt(String state) {
        return jdbc.sql("select expires_at from oauth_token where token_hash = ? and token_kind = ?")
                .params(TokenHash.ofPresented(state), OAuth2ParameterNames.STATE)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(expiry -> expiry);
    }
}
