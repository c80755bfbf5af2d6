package jp.kakehashi.authorization.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.grant.GrantManagementRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization store on PostgreSQL, replacing Spring's JDBC store for two reasons (B7, B8, C2): Spring keeps
 * token values in plain text, and it cannot find tokens by grant, customer or TPP. Here every token, code and
 * consent state is kept only as a SHA-256 hash, one row per token; the authorization row is the grant's anchor.
 * Updates are optimistic ({@code version}), so two concurrent redemptions of one code cannot both succeed; refreshes
 * of one grant are serialised by {@link GrantRefreshes} instead, since each of them must succeed.
 * <p>
 * Refresh tokens are not rotated (FAPI 2.0 §5.3.2.1), so an authorization collects one access token per refresh, and
 * each stays usable until it expires (B7): a TPP's app and its server may refresh the same grant, and neither may
 * pull the token from under the other. A look-up by an access token restores that token as the authorization's
 * access token, so it is judged, revoked (RFC 7009) or introspected on its own; any other look-up restores the newest.
 * Ending the refresh token (a replayed code, RFC 6749 §4.1.2; revocation) or the grant ends all of them.
 */
@Component
public class HashedAuthorizationService implements OAuth2AuthorizationService {

    private static final String VERSION = "kakehashi.version";
    private static final String STATE = OAuth2ParameterNames.STATE;
    private static final List<Class<? extends OAuth2Token>> TOKEN_CLASSES = List.of(OAuth2AuthorizationCode.class,
            OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class);

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final AuthorizationChanges changes;

    HashedAuthorizationService(JdbcClient jdbc, RegisteredClientRepository clients, AuthorizationChanges changes) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.changes = changes;
    }

    @Override
    @Transactional
    public void save(OAuth2Authorization authorization) {
        Map<String, Object> attributes = new LinkedHashMap<>(authorization.getAttributes());
        Integer version = (Integer) attributes.remove(VERSION);
        String state = (String) attributes.remove(STATE);
        String attributesJson = JsonValues.write(AuthorizationAttributes.encode(attributes));
        String[] scopes = authorization.getAuthorizedScopes().toArray(String[]::new);
        if (version == null) {
            jdbc.sql("""
                    insert into oauth_authorization (id, registered_client_id, client_id, principal_name, grant_type,
                                                     authorized_scopes, attributes, version, grant_id)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), 1, ?)
                    """)
                    .params(authorization.getId(), authorization.getRegisteredClientId(), clientId(authorization),
                            authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
                            scopes, attributesJson, GrantManagementRequest.grantIdOf(authorization))
                    .update();
        }
        else {
            int updated = jdbc.sql("""
                    update oauth_authorization set authorized_scopes = ?, attributes = cast(? as jsonb),
                           version = version + 1, updated_at = now()
                    where id = ? and version = ?
                    """).params(scopes, attributesJson, authorization.getId(), version).update();
            if (updated == 0) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The grant was used concurrently or no longer exists.", null));
            }
        }
        saveTokens(authorization, state);
        changes.changed(authorization.getId());
    }

    private void saveTokens(OAuth2Authorization authorization, @Nullable String state) {
        List<String> kept = new ArrayList<>();
        if (state != null) {
            kept.add(upsert(authorization.getId(), state, STATE, null, null, false, Map.of()));
        }
        for (Class<? extends OAuth2Token> type : TOKEN_CLASSES) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null) {
                Map<String, Object> metadata = new LinkedHashMap<>(token.getMetadata());
                metadata.remove(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME);
                if (token.getToken() instanceof OAuth2AccessToken accessToken) {
                    metadata.put("token_type", accessToken.getTokenType().getValue());
                    metadata.put("scopes", List.copyOf(accessToken.getScopes()));
                }
                kept.add(upsert(authorization.getId(), token.getToken().getTokenValue(), TokenKind.of(type),
                        token.getToken().getIssuedAt(), token.getToken().getExpiresAt(), token.isInvalidated(),
                        metadata));
            }
        }
        // earlier access tokens of a refreshed grant stay usable until they expire, as the TPP was told (B7)
        jdbc.sql("""
                delete from oauth_token where authorization_id = ? and not (token_hash = any(?))
                   and not (token_kind = ? and expires_at > now())
                """).params(authorization.getId(), kept.toArray(String[]::new), OAuth2ParameterNames.ACCESS_TOKEN)
                .update();
        OAuth2Authorization.Token<OAuth2RefreshToken> refreshToken = authorization.getRefreshToken();
        if (refreshToken != null && refreshToken.isInvalidated()) {
            // Spring ends the access token it holds with the refresh token; the earlier ones must end with it too
            jdbc.sql("update oauth_token set invalidated = true where authorization_id = ? and not invalidated")
                    .param(authorization.getId()).update();
        }
    }

    private String upsert(String authorizationId, String value, String kind, @Nullable Instant issuedAt,
            @Nullable Instant expiresAt, boolean invalidated, Map<String, Object> metadata) {
        String hash = TokenHash.of(value);
        jdbc.sql("""
                insert into oauth_token (token_hash, authorization_id, token_kind, issued_at, expires_at, invalidated, metadata)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (token_hash) do update
                   set invalidated = excluded.invalidated or oauth_token.invalidated, metadata = excluded.metadata,
                       expires_at = coalesce(excluded.expires_at, oauth_token.expires_at)
                 where oauth_token.authorization_id = excluded.authorization_id
                """)
                .params(hash, authorizationId, kind, timestamp(issuedAt), timestamp(expiresAt), invalidated,
                        JsonValues.write(metadata))
                .update();
        return hash;
    }

    @Override
    @Transactional
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("delete from oauth_authorization where id = ?").param(authorization.getId()).update();
        changes.changed(authorization.getId());
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return load(id, null, null);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        String hash = TokenHash.ofPresented(token);
        var found = jdbc.sql("select authorization_id, token_kind from oauth_token where token_hash = ?")
                .param(hash).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (found.isEmpty() || (tokenType != null && !tokenType.getValue().equals(found.get()[1]))) {
            return null;
        }
        return load(found.get()[0], hash, token);
    }

    /**
     * Invalidates every token of every authorization of a grant at once, e.g. when the grant is revoked (B8), except
     * those of {@code keptAuthorizationId} (null for none): a grant merged or replaced (Grant Management §5.2) keeps
     * only the tokens of the authorization that changed it.
     */
    @Transactional
    public int invalidateGrant(String grantId, @Nullable String keptAuthorizationId) {
        List<String> ids = jdbc.sql("select id from oauth_authorization where grant_id = ? and id is distinct from ?")
                .params(grantId, keptAuthorizationId).query(String.class).list();
        int invalidated = jdbc.sql("update oauth_token set invalidated = true where authorization_id = any(?)"
                + " and not invalidated").param(ids.toArray(String[]::new)).update();
        ids.forEach(changes::changed);
        return invalidated;
    }

    private @Nullable OAuth2Authorization load(String id, @Nullable String knownHash, @Nullable String knownValue) {
        var row = jdbc.sql("select * from oauth_authorization where id = ?").param(id)
                .query(AuthorizationRow::of).optional();
        if (row.isEmpty()) {
            return null;
        }
        RegisteredClient client = clients.findById(row.get().registeredClientId());
        if (client == null) {
            return null;
        }
        Map<String, Object> attributes = AuthorizationAttributes.decode(JsonValues.read(row.get().attributesJson()));
        attributes.put(VERSION, row.get().version());
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(id)
                .principalName(row.get().principalName())
                .authorizationGrantType(new AuthorizationGrantType(row.get().grantType()))
                .authorizedScopes(row.get().scopes())
                .attributes(a -> a.putAll(attributes));
        // the builder keeps the last token of each type: the looked-up one, otherwise the newest
        for (TokenRow token : jdbc.sql("""
                select * from oauth_token where authorization_id = ?
                 order by token_hash = ? nulls first, issued_at nulls first
                """).params(id, knownHash).query(TokenRow::of).list()) {
            String value = token.hash().equals(knownHash) ? knownValue : TokenHash.placeholder(token.hash());
            TokenKind.restore(builder, token, value);
        }
        return builder.build();
    }

    private static String clientId(OAuth2Authorization authorization) {
        var request = authorization.<org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest>getAttribute(
                org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest.class.getName());
        return request != null ? request.getClientId() : authorization.getPrincipalName();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    record AuthorizationRow(String registeredClientId, String principalName, String grantType,
            java.util.Set<String> scopes, String attributesJson, int version) {

        static AuthorizationRow of(ResultSet rs, int row) throws SQLException {
            return new AuthorizationRow(rs.getString("registered_client_id"), rs.getString("principal_name"),
                    rs.getString("grant_type"),
                    new HashSet<>(Arrays.asList((String[]) rs.getArray("authorized_scopes").getArray())),
                    rs.getString("attributes"), rs.getInt("version"));
        }
    }

    record TokenRow(String hash, String kind, @Nullable Instant issuedAt, @Nullable Instant expiresAt,
            boolean invalidated, Map<String, Object> metadata) {

        static TokenRow of(ResultSet rs, int row) throws SQLException {
            Timestamp issued = rs.getTimestamp("issued_at");
            Timestamp expires = rs.getTimestamp("expires_at");
            return new TokenRow(rs.getString("token_hash"), rs.getString("token_kind"),
                    issued == null ? null : issued.toInstant(), expires == null ? null : expires.toInstant(),
                    rs.getBoolean("invalidated"), JsonValues.read(rs.getString("metadata")));
        }
    }
}
