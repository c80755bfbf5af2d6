package jp.kakehashi.authorization.fapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.UUID;
import jp.kakehashi.authorization.client.TppRegisteredClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * TPP clients as {@code TppRegisteredClientRepository} registers them (FAPI 2.0 §5.3.2.1: {@code private_key_jwt} or
 * {@code tls_client_auth}, DPoP- or certificate-bound tokens), and their keys, in the manner of Spring's
 * {@code TestRegisteredClients}.
 */
final class TestFapiClients {

    static final String ISSUER = "https://bank.example";
    static final String CLIENT_ID = "tpp-client";
    static final String REDIRECT_URI = "https://tpp.example/cb";
    static final String AUTHORIZATION_URI = ISSUER + "/oauth2/authorize";
    static final String PAR_URI = ISSUER + "/oauth2/par";
    static final String TOKEN_URI = ISSUER + "/oauth2/token";
    static final String SUBJECT_DN = "CN=tpp-client,O=Example TPP,C=JP";

    private TestFapiClients() {
    }

    /** A {@code private_key_jwt} client with DPoP-bound tokens and the public halves of {@code keys} registered. */
    static RegisteredClient.Builder dpopClient(JWK... keys) {
        return client(CLIENT_ID, ClientAuthenticationMethod.PRIVATE_KEY_JWT, "dpop", keys);
    }

    /** A {@code tls_client_auth} client with certificate-bound tokens, registered with {@link #SUBJECT_DN}. */
    static RegisteredClient.Builder mtlsClient() {
        return client(CLIENT_ID, ClientAuthenticationMethod.TLS_CLIENT_AUTH, "mtls")
                .clientSettings(settings("mtls", false).x509CertificateSubjectDN(SUBJECT_DN).build());
    }

    static RegisteredClient.Builder client(String clientId, ClientAuthenticationMethod method, String senderConstraint,
            JWK... keys) {
        ClientSettings.Builder settings = settings(senderConstraint, false);
        if (keys.length > 0) {
            settings.setting(TppRegisteredClientRepository.JWKS_SETTING,
                    new JWKSet(List.of(keys)).toPublicJWKSet().toString());
        }
        return RegisteredClient.withId("id-" + clientId).clientId(clientId).clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN).redirectUri(REDIRECT_URI)
                .scope("openid").scope("accounts").scope("transfers").clientSettings(settings.build());
    }

    /** The client settings of a client whose DPoP proofs must carry a server nonce (RFC 9449 §8). */
    static RegisteredClient nonceRequired(RegisteredClient client) {
        return RegisteredClient.from(client).clientSettings(ClientSettings.withSettings(
                client.getClientSettings().getSettings()).setting(TppRegisteredClientRepository.DPOP_NONCE_SETTING,
                        true).build()).build();
    }

    private static ClientSettings.Builder settings(String senderConstraint, boolean dpopNonceRequired) {
        return ClientSettings.builder().requireProofKey(true)
                .setting(TppRegisteredClientRepository.SENDER_CONSTRAINT_SETTING, senderConstraint)
                .setting(TppRegisteredClientRepository.DPOP_NONCE_SETTING, dpopNonceRequired);
    }

    /** The client as Spring's client authentication leaves it: authenticated with its registered method. */
    static OAuth2ClientAuthenticationToken authenticated(RegisteredClient client) {
        return new OAuth2ClientAuthenticationToken(client, client.getClientAuthenticationMethods().iterator().next(),
                null);
    }

    static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static OctetKeyPair ed25519Key() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
