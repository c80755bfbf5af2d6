package jp.kakehashi.systemtests.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;

/**
 * A TPP for one test: registered with the bank with its own keys and approved scopes, and acting as a real FAPI 2.0
 * client through the Nimbus OAuth 2.0 SDK (private_key_jwt with ES256, PKCE S256, PAR, DPoP).
 */
public final class TestTpp {

    public static final URI REDIRECT_URI = URI.create("https://tpp.example/callback");

    private final RunningPlatform platform;
    private final String tppId;
    private final ClientID clientId;
    private final JWK clientKey;
    private final JWK dpopKey;
    private final DefaultDPoPProofFactory dpop;
    private final OIDCProviderMetadata metadata;
    private Tpp registration;

    private TestTpp(RunningPlatform platform, String tppId, ClientID clientId, ECKey clientKey) throws Exception {
        this(platform, tppId, clientId, clientKey, JWSAlgorithm.ES256);
    }

    private TestTpp(RunningPlatform platform, String tppId, ClientID clientId, JWK clientKey,
            JWSAlgorithm dpopAlgorithm) throws Exception {
        this.platform = platform;
        this.tppId = tppId;
        this.clientId = clientId;
        this.clientKey = clientKey;
        this.dpopKey = JWSAlgorithm.PS256.equals(dpopAlgorithm)
                ? new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate()
                : newKey();
        this.dpop = new DefaultDPoPProofFactory(dpopKey, dpopAlgorithm);
        HTTPResponse discovery = send(new OIDCProviderConfigurationRequest(
                new com.nimbusds.oauth2.sdk.id.Issuer(platform.issuer())).toHTTPRequest());
        this.metadata = OIDCProviderMetadata.parse(discovery.getContentAsJSONObject());
    }

    /** Registers a new TPP approved for {@code scopes}, with one DPoP-bound private_key_jwt client. */
    public static TestTpp register(RunningPlatform platform, Set<String> scopes) {
        return register(platform, scopes, JWSAlgorithm.ES256);
    }

    /** The same, with DPoP proofs signed with {@code dpopAlgorithm} (ES256, or PS256 with an RSA key). */
    public static TestTpp register(RunningPlatform platform, Set<String> scopes, JWSAlgorithm dpopAlgorithm) {
        // the id ends with the suffix of the TPP's names, which screens show
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return register(platform, "tpp-test-" + suffix, suffix, scopes, dpopAlgorithm, null);
    }

    /**
     * The same with {@code clientKey} as the client's registered key, e.g. an Ed25519 one, whose assertions are then
     * signed with EdDSA (FAPI 2.0 §5.4.1 allows PS256, ES256 and EdDSA).
     */
    public static TestTpp register(RunningPlatform platform, Set<String> scopes, JWK clientKey) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return register(platform, "tpp-test-" + suffix, suffix, scopes, JWSAlgorithm.ES256, clientKey);
    }

    /** The same under a TPP id chosen in advance, e.g. one the bank's settings name (a rate limit of its own, F4). */
    public static TestTpp register(RunningPlatform platform, String tppId, Set<String> scopes) {
        return register(platform, tppId, UUID.randomUUID().toString().substring(0, 8), scopes, JWSAlgorithm.ES256,
                null);
    }

    private static TestTpp register(RunningPlatform platform, String tppId, String suffix, Set<String> scopes,
            JWSAlgorithm dpopAlgorithm, JWK clientKey) {
        try {
            JWK key = clientKey == null ? newKey() : clientKey;
            Tpps tpps = platform.bean(Tpps.class);
            Tpp registration = new Tpp(tppId, "株式会社テスト" + suffix, "Test K.K. " + suffix, "テスト家計簿",
                    "Test Budget", "代表取締役 試験 太郎", "東京都港区1-2-3", "03-1111-2222", "help@tpp.example",
                    "https://tpp.example/help", "関東財務局長（電代）第99999号", TppStatus.ACTIVE, scopes);
            tpps.register(registration);
            String clientId = "client-" + suffix;
            tpps.registerClient(new TppClient(clientId, tppId, "Test client " + suffix, List.of(REDIRECT_URI.toString()),
                    new JWKSet(key.toPublicJWK()).toString(), null, TppClient.AuthMethod.PRIVATE_KEY_JWT, null,
                    TppClient.SenderConstraint.DPOP));
            TestTpp tpp = new TestTpp(platform, tppId, new ClientID(clientId), key, dpopAlgorithm);
            tpp.registration = registration;
            return tpp;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What this test registered with the bank for the TPP (names, contacts, approved scopes), as the screens must show
     * it: the test's own record of its set-up, not a read of the platform.
     */
    public Tpp registration() {
        if (registration == null) {
            throw new IllegalStateException("TPP " + tppId + " was registered elsewhere, not by TestTpp.register");
        }
        return registration;
    }

    /** Acts as the client {@code clientId} of an already registered TPP, e.g. one registered dynamically. */
    public static TestTpp forClient(RunningPlatform platform, String tppId, String clientId, ECKey clientKey)
            throws Exception {
        return new TestTpp(platform, tppId, new ClientID(clientId), clientKey);
    }

    public static ECKey newKey() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    }

    /** A fresh client assertion whose audience is the issuer, as FAPI 2.0 final requires. */
    public ClientAuthentication clientAuthentication() {
        var claims = new JWTAuthenticationClaimsSet(clientId, new Audience(platform.issuer().toString()));
        try {
            if (clientKey instanceof OctetKeyPair ed25519) {
                var assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ed25519.getKeyID())
                        .build(), claims.toJWTClaimsSet());
                assertion.sign(new Ed25519Signer(ed25519));
                // Nimbus' PrivateKeyJWT takes only RSA and EC signatures; the request is the same for EdDSA
                return new com.nimbusds.oauth2.sdk.auth.JWTAuthentication(
                        com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.PRIVATE_KEY_JWT, assertion) {
                };
            }
            return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, clientKey.toECKey().toECPrivateKey(),
                    clientKey.getKeyID(), null);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization request the TPP would push: code flow, PKCE S256, nonce, state, DPoP key binding. */
    public AuthenticationRequest.Builder authorizationRequest(Scope scope, CodeVerifier verifier) throws Exception {
        return new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId, REDIRECT_URI)
                .state(new State())
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("dpop_jkt", dpopKey.computeThumbprint().toString())
                .endpointURI(metadata.getAuthorizationEndpointURI());
    }

    /** Pushes the request (PAR) and returns the URL to send the customer's browser to. */
    public URI push(com.nimbusds.oauth2.sdk.AuthorizationRequest request) throws Exception {
        return authorizationUrl(pushForResponse(request));
    }

    /** The URL to send the customer's browser to, from a successful PAR response. */
    public URI authorizationUrl(HTTPResponse parResponse) throws Exception {
        PushedAuthorizationResponse par = PushedAuthorizationResponse.parse(parResponse);
        if (!par.indicatesSuccess()) {
            throw new IllegalStateException("PAR failed: " + par.toErrorResponse().getErrorObject());
        }
        return new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(
                par.toSuccessResponse().getRequestURI(), clientId)
                .endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();
    }

    /** Pushes the request (PAR) and returns the bank's answer as it is, for tests of refusals. */
    public HTTPResponse pushForResponse(com.nimbusds.oauth2.sdk.AuthorizationRequest request) throws IOException {
        return send(pushedAuthorizationRequest(request));
    }

    /** The PAR request, authenticated with a fresh client assertion, not yet sent (e.g. to add a DPoP header). */
    public HTTPRequest pushedAuthorizationRequest(com.nimbusds.oauth2.sdk.AuthorizationRequest request) {
        return new PushedAuthorizationRequest(metadata.getPushedAuthorizationRequestEndpointURI(),
                clientAuthentication(), request).toHTTPRequest();
    }

    /** A token request redeeming {@code code}, authenticated with a fresh client assertion, without a DPoP proof. */
    public HTTPRequest codeTokenRequest(com.nimbusds.oauth2.sdk.AuthorizationCode code, URI redirectUri,
            CodeVerifier verifier) {
        return new com.nimbusds.oauth2.sdk.TokenRequest(metadata.getTokenEndpointURI(), clientAuthentication(),
                new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(code, redirectUri, verifier)).toHTTPRequest();
    }

    public HTTPResponse send(HTTPRequest request) throws IOException {
        request.setSSLSocketFactory(platform.tls().getSocketFactory());
        return request.send();
    }

    public HTTPResponse sendWithDpop(HTTPRequest request, com.nimbusds.oauth2.sdk.token.AccessToken token)
            throws Exception {
        request.setDPoP(token == null ? dpop.createDPoPJWT(request.getMethod().name(), request.getURI())
                : dpop.createDPoPJWT(request.getMethod().name(), request.getURI(), token));
        return send(request);
    }

    public String tppId() {
        return tppId;
    }

    public ClientID clientId() {
        return clientId;
    }

    public ECKey clientKey() {
        return clientKey.toECKey();
    }

    public JWK dpopKey() {
        return dpopKey;
    }

    public DefaultDPoPProofFactory dpop() {
        return dpop;
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

}
