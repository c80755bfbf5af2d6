package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.crypto.Ed25519Signer;
import jp.kakehashi.systemtests.support.Connection;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bank authenticates every request of a TPP (B9) with {@code private_key_jwt} as FAPI 2.0 final (§5.3.2.1,
 * RFC 7523bis) requires it: one test per rule, each sending an assertion that breaks exactly that rule to the PAR
 * endpoint (or the token endpoint, where the rule is about it) and expecting RFC 6749 §5.2 {@code invalid_client}
 * with 401, as JSON. A valid assertion next to it shows the refusal is for that rule alone.
 */
class ClientAuthenticationRulesTest {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final RunningPlatform platform = RunningPlatform.get();
    private final String issuer = platform.issuer().toString();

    // ---- algorithms: PS256, ES256, EdDSA only (FAPI 2.0 §5.4.1) ----

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS512", "PS384"})
    void assertionWhenSignedWithRsaAlgorithmOtherThanPs256ThenInvalidClient(String algorithm) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        String clientId = registerClient(key);

        assertInvalidClient(par(clientId, sign(claims(clientId), JWSAlgorithm.parse(algorithm), key)));
        assertThat(par(clientId, sign(claims(clientId), JWSAlgorithm.PS256, key)).getStatusCode())
                .as("the same key with PS256").isEqualTo(201);
    }

    @Test
    void assertionWhenMacSignedWithThePublicKeyAsSecretThenInvalidClient() throws Exception {
        // the classic algorithm confusion: HS256 keyed with what the server holds, the client's public key
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        byte[] secret = tpp.clientKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(tpp.clientKey().getKeyID())
                .build(), new Payload(claims(clientId)));
        jws.sign(new MACSigner(secret));

        assertInvalidClient(par(clientId, jws.serialize()));
    }

    @Test
    void assertionWhenUnsignedThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(
                new Payload(claims(clientId)).toString()) + ".";

        assertInvalidClient(par(clientId, unsigned));
    }

    // ---- aud: the issuer identifier, as a string, and nothing else (FAPI 2.0 final §5.3.2.1 item 8) ----

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token", "/oauth2/par", "/", ""})
    void assertionWhenAudienceIsAnEndpointUrlInsteadOfTheIssuerThenInvalidClient(String suffix) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        String audience = suffix.isEmpty() ? "https://tpp.example" : issuer + suffix;

        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.put("aud", audience)), tpp.clientKey())));
        assertInvalidClient(token(clientId, sign(claims(clientId, c -> c.put("aud", audience)), tpp.clientKey())));
    }

    /**
     * FAPI 2.0 final §5.3.2.1 item 8 says the server "shall only accept its issuer identifier value ... as a string in
     * the aud claim" (the 2025 audience-injection fix, draft-ietf-oauth-rfc7523bis): an array is refused even when
     * its only member is the issuer, and all the more when the issuer sits next to an endpoint URL.
     */
    @Test
    void assertionWhenAudienceIsAnArrayThenInvalidClientEvenIfItHoldsOnlyTheIssuer() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();

        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.put("aud", List.of(issuer))),
                tpp.clientKey())));
        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.put("aud", List.of(issuer,
                issuer + "/oauth2/token"))), tpp.clientKey())));
        assertThat(par(clientId, sign(claims(clientId), tpp.clientKey())).getStatusCode()).as("aud as a string")
                .isEqualTo(201);
    }

    // ---- time: exp required and near, iat not in the future ----

    @Test
    void assertionWhenExpiredThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        long now = Instant.now().getEpochSecond();

        assertInvalidClient(par(clientId, sign(claims(clientId, c -> {
            c.put("iat", now - 600);
            c.put("exp", now - 300);
        }), tpp.clientKey())));
    }

    @Test
    void assertionWhenExpMissingOrTooFarAheadThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();

        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.remove("exp")), tpp.clientKey())));
        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.put("exp",
                Instant.now().getEpochSecond() + 86_400)), tpp.clientKey())));
    }

    @Test
    void assertionWhenIssuedOrValidOnlyInTheFutureThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        long later = Instant.now().getEpochSecond() + 120;

        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.put("iat", later)), tpp.clientKey())));
        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.put("nbf", later)), tpp.clientKey())));
    }

    // ---- jti: required and single-use ----

    @Test
    void assertionWhenJtiMissingThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();

        assertInvalidClient(par(clientId, sign(claims(clientId, c -> c.remove("jti")), tpp.clientKey())));
    }

    @Test
    void assertionWhenReplayedThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        String assertion = sign(claims(clientId), tpp.clientKey());
        String another = sign(claims(clientId), tpp.clientKey());

        assertThat(par(clientId, assertion).getStatusCode()).as("first use").isEqualTo(201);
        assertInvalidClient(par(clientId, assertion));
        HTTPResponse authenticated = token(clientId, another);
        assertThat(authenticated.getStatusCode()).as("first use of another: past client authentication").isEqualTo(400);
        assertThat(authenticated.getContentAsJSONObject().get("error")).isNotEqualTo("invalid_client");
        assertInvalidClient(token(clientId, another));
        assertInvalidClient(token(clientId, assertion));
    }

    @Test
    void assertionWhenSignedWithEd25519ThenTheClientGetsTokensAndATamperedOneIsRefused() throws Exception {
        OctetKeyPair key = newEd25519Key();
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"), key);
        String clientId = tpp.clientId().getValue();
        OctetKeyPair strangerWithTheClientsKid = new OctetKeyPairGenerator(Curve.Ed25519).keyID(key.getKeyID())
                .generate();
        String[] parts = sign(claims(clientId), JWSAlgorithm.EdDSA, key).split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
                claims(clientId))) + "." + parts[2];

        // PAR and the token request, both authenticated with EdDSA assertions
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");

        assertThat(connection.userInfoStatus()).isEqualTo(200);
        assertInvalidClient(par(clientId, tampered));
        assertInvalidClient(par(clientId, sign(claims(clientId), JWSAlgorithm.EdDSA, strangerWithTheClientsKid)));
        assertInvalidClient(token(clientId, sign(claims(clientId), JWSAlgorithm.EdDSA, strangerWithTheClientsKid)));
        assertThat(par(clientId, sign(claims(clientId), JWSAlgorithm.EdDSA, key)).getStatusCode()).isEqualTo(201);
    }

    // ---- keys: only the client's registered keys ----

    @Test
    void assertionWhenSignedByAKeyNotInTheClientsJwksThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        ECKey stranger = TestTpp.newKey();
        ECKey strangerWithTheClientsKid = new ECKey.Builder(TestTpp.newKey()).keyID(tpp.clientKey().getKeyID())
                .build();

        assertInvalidClient(par(clientId, sign(claims(clientId), stranger)));
        assertInvalidClient(par(clientId, sign(claims(clientId), strangerWithTheClientsKid)));
        assertInvalidClient(token(clientId, sign(claims(clientId), strangerWithTheClientsKid)));
    }

    /**
     * F4: a request at the OAuth endpoints counts against the client that authenticated, once it has (its own bucket
     * in PostgreSQL, shared by every node); a request that fails client authentication counts against nobody, so no
     * one can use up another client's limit by naming it.
     */
    @Test
    void parWhenTheClientAuthenticatesThenItsOwnLimitCountsAndAForgedAssertionCountsNothing() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = tpp.clientId().getValue();
        var jdbc = platform.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        java.util.function.Supplier<Long> counted = () -> jdbc.sql(
                "select count(*) from rate_bucket where bucket = ?").param("client-oauth:" + clientId)
                .query(Long.class).single();

        assertInvalidClient(par(clientId, sign(claims(clientId), TestTpp.newKey())));
        assertThat(counted.get()).as("a forged assertion counts against no one").isZero();

        HTTPResponse pushed = par(clientId, sign(claims(clientId), tpp.clientKey()));
        assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
        assertThat(counted.get()).as("the client's own bucket").isOne();
    }

    @Test
    void assertionWhenIssuedForAnotherClientThenInvalidClient() throws Exception {
        TestTpp mine = TestTpp.register(platform, Set.of("accounts"));
        TestTpp other = TestTpp.register(platform, Set.of("accounts"));
        String myId = mine.clientId().getValue();
        String otherId = other.clientId().getValue();

        // signed with my key, claiming to be the other client
        assertInvalidClient(par(otherId, sign(claims(otherId), mine.clientKey())));
        // iss and sub disagree
        assertInvalidClient(par(myId, sign(claims(myId, c -> c.put("iss", otherId)), mine.clientKey())));
        // client_id names the other client, the assertion is mine
        HTTPRequest request = parRequest(Map.of("client_id", otherId, "client_assertion_type", JWT_BEARER,
                "client_assertion", sign(claims(myId), mine.clientKey())));
        assertInvalidClient(mine.send(request));
    }

    // ---- only private_key_jwt and tls_client_auth (FAPI 2.0 §5.3.2.1 item 4) ----

    @Test
    void clientSecretBasicWhenTriedThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        HTTPRequest request = parRequest(Map.of());
        request.setAuthorization("Basic " + Base64.getEncoder().encodeToString((tpp.clientId().getValue()
                + ":secret").getBytes(StandardCharsets.UTF_8)));
        request.setBody(request.getBody() + "&client_id=" + tpp.clientId().getValue());

        assertInvalidClient(tpp.send(request));
    }

    @Test
    void clientSecretPostWhenTriedThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));

        assertInvalidClient(tpp.send(parRequest(Map.of("client_id", tpp.clientId().getValue(),
                "client_secret", "secret"))));
    }

    @Test
    void noClientAuthenticationWhenPublicClientStyleThenInvalidClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));

        assertInvalidClient(tpp.send(parRequest(Map.of("client_id", tpp.clientId().getValue()))));
        HTTPRequest token = new HTTPRequest(HTTPRequest.Method.POST, platform.uri("/oauth2/token"));
        token.setContentType("application/x-www-form-urlencoded");
        token.setBody("grant_type=authorization_code&code=abc&redirect_uri="
                + URLEncoder.encode(TestTpp.REDIRECT_URI.toString(), StandardCharsets.UTF_8)
                + "&code_verifier=" + new CodeVerifier().getValue() + "&client_id=" + tpp.clientId().getValue());
        assertInvalidClient(tpp.send(token));
    }

    // ---- helpers ----

    /** RFC 6749 §5.2: 401 with a JSON body naming invalid_client, nothing more about why. */
    static void assertInvalidClient(HTTPResponse response) throws Exception {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(401);
        assertThat(response.getHeaderValue("Content-Type")).startsWith("application/json");
        assertThat(response.getContentAsJSONObject().get("error")).isEqualTo("invalid_client");
        BadInputTest.assertNoInternals(response.getBody());
    }

    private Map<String, Object> claims(String clientId) {
        return claims(clientId, c -> {
        });
    }

    private Map<String, Object> claims(String clientId, Consumer<Map<String, Object>> change) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", issuer);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        change.accept(claims);
        return claims;
    }

    private static String sign(Map<String, Object> claims, ECKey key) throws Exception {
        return sign(claims, JWSAlgorithm.ES256, key);
    }

    private static String sign(Map<String, Object> claims, JWSAlgorithm algorithm, JWK key) throws Exception {
        JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa)
                : key instanceof OctetKeyPair ed25519 ? new Ed25519Signer(ed25519) : new ECDSASigner((ECKey) key);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), new Payload(claims));
        jws.sign(signer);
        return jws.serialize();
    }

    private static OctetKeyPair newEd25519Key() throws Exception {
        return new OctetKeyPairGenerator(Curve.Ed25519).keyID(UUID.randomUUID().toString()).generate();
    }

    private String registerClient(JWK key) {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = "keys-" + UUID.randomUUID();
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, tpp.tppId(), "client with its own key",
                List.of(TestTpp.REDIRECT_URI.toString()), new JWKSet(key.toPublicJWK()).toString(), null,
                TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP));
        return clientId;
    }

    private HTTPResponse par(String clientId, String assertion) throws Exception {
        // client_id is the authorization request's own parameter here, as a FAPI client library sends it
        return send(parRequest(Map.of("client_id", clientId, "client_assertion_type", JWT_BEARER,
                "client_assertion", assertion)));
    }

    /** A PAR request that is valid but for its client authentication, which {@code authentication} supplies. */
    private HTTPRequest parRequest(Map<String, String> authentication) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("scope", "openid accounts");
        form.put("redirect_uri", TestTpp.REDIRECT_URI.toString());
        form.put("state", UUID.randomUUID().toString());
        form.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue());
        form.put("code_challenge_method", "S256");
        form.putAll(authentication);
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, platform.uri("/oauth2/par"));
        request.setContentType("application/x-www-form-urlencoded");
        request.setBody(encode(form));
        return request;
    }

    /** A token request with a code that does not exist: authenticated clients get invalid_grant, others not. */
    private HTTPResponse token(String clientId, String assertion) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", "no-such-code-" + clientId);
        form.put("redirect_uri", TestTpp.REDIRECT_URI.toString());
        form.put("code_verifier", new CodeVerifier().getValue());
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", assertion);
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, platform.uri("/oauth2/token"));
        request.setContentType("application/x-www-form-urlencoded");
        request.setBody(encode(form));
        return send(request);
    }

    private HTTPResponse send(HTTPRequest request) throws Exception {
        request.setSSLSocketFactory(platform.tls().getSocketFactory());
        return request.send();
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
