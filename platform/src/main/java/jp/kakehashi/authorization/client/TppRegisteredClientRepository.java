package jp.kakehashi.authorization.client;

import java.time.Duration;
import java.util.Set;
import jp.kakehashi.authorization.signing.ClientSigningSettings;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Presents the TPP registry's clients to Spring's authorization server. A client's scopes are exactly its TPP's
 * usable scopes (approved and not restricted), so Spring's own scope check refuses anything else even if a customer
 * would agree (B5); a TPP that may not connect has no client at all. Token lifetimes here are only ceilings: the real
 * ones come from the scope policy.
 */
@Component
public class TppRegisteredClientRepository implements RegisteredClientRepository {

    /** Client setting carrying the client's JWK set by value (JSON). */
    public static final String JWKS_SETTING = "kakehashi.client.jwks";
    /** Client setting naming the sender constraint, {@code dpop} or {@code mtls}. */
    public static final String SENDER_CONSTRAINT_SETTING = "kakehashi.client.sender-constraint";
    /** Client setting: whether DPoP proofs must carry a server-issued nonce. */
    public static final String DPOP_NONCE_SETTING = "kakehashi.client.dpop-nonce-required";
    /** Client setting carrying the owning TPP's id. */
    public static final String TPP_SETTING = "kakehashi.client.tpp";

    private final Tpps tpps;

    TppRegisteredClientRepository(Tpps tpps) {
        this.tpps = tpps;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are registered through the TPP registry");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return tpps.findClient(clientId)
                .flatMap(client -> tpps.find(client.tppId()).filter(Tpp::canConnect).map(tpp -> toRegistered(client, tpp)))
                .orElse(null);
    }

    private static RegisteredClient toRegistered(TppClient client, Tpp tpp) {
        boolean mtls = client.senderConstraint() == TppClient.SenderConstraint.MTLS;
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(true)
                .setting(SENDER_CONSTRAINT_SETTING, client.senderConstraint().name().toLowerCase())
                .setting(TPP_SETTING, tpp.id())
                .setting(DPOP_NONCE_SETTING, client.dpopNonceRequired());
        ClientSigningSettings.apply(settings, client.messageSigning());
        if (client.jwksUri() != null) {
            settings.jwkSetUrl(client.jwksUri());
        }
        if (client.jwks() != null) {
            settings.setting(JWKS_SETTING, client.jwks());
        }
        if (client.tlsClientAuthSubjectDn() != null) {
            settings.x509CertificateSubjectDN(client.tlsClientAuthSubjectDn());
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.clientName())
                .clientAuthenticationMethod(new ClientAuthenticationMethod(client.authMethod().value()))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .scopes(scopes -> scopes.addAll(registeredScopes(client, tpp)))
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder()
                        .authorizationCodeTimeToLive(Duration.ofSeconds(60))
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofDays(365))
                        .reuseRefreshTokens(true)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                        .x509CertificateBoundAccessTokens(mtls)
                        .build())
                .build();
    }

    /** RFC 7591 §2: what the client registered, as far as its TPP may still use it (B5, A6). */
    private static Set<String> registeredScopes(TppClient client, Tpp tpp) {
        Set<String> usable = withOpenId(tpp.usableScopes());
        if (client.scopes() != null) {
            usable.retainAll(client.scopes());
        }
        return usable;
    }

    private static Set<String> withOpenId(Set<String> approved) {
        var scopes = new java.util.HashSet<>(approved);
        scopes.add("openid");
        return scopes;
    }
}
