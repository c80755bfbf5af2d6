package jp.kakehashi.systemtests;

import static jp.kakehashi.systemtests.FapiAuthorizationServerRulesTest.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.jarm.JARMValidator;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.ClientMessageSigning;
import jp.kakehashi.tpp.RegistrationTokens;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * FAPI 2.0 Message Signing (B1, B7, B9) as a TPP meets it through the Nimbus SDK: signed request objects at PAR
 * (RFC 9101, Message Signing §5.3), JWT-secured authorization responses verified with Nimbus' {@link JARMValidator}
 * (Message Signing §5.4), signed introspection responses (RFC 9701), each switched on per client and advertised in
 * discovery; and every request object rule refused with {@code invalid_request_object}.
 */
class MessageSigningTest {

    private static final String PASSWORD = "Kakehashi#2026";
    private static final Scope SCOPE = new Scope("openid", "accounts");

    private final RunningPlatform platform = RunningPlatform.get();
    private final String issuer = platform.issuer().toString();

    // ---- the whole flow: signed request object at PAR, JARM response, tokens ----

    @Test
    void codeFlowWhenSignedRequestObjectAndJwtResponseModeThenJarmValidatorAcceptsAndTheCodeRedeems() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, "ES256", "ES256", null));
        CodeVerifier verifier = new CodeVerifier();
        JWTClaimsSet claims = requestClaims(tpp, verifier, builder -> builder.claim("response_mode", "jwt"));

        HTTPResponse pushed = pushObject(tpp, sign(claims, tpp.clientKey(), JWSAlgorithm.ES256), Map.of());
        assertThat(pushed.getStatusCode()).as("PAR %s", pushed.getBody()).isEqualTo(201);
        URI authorizationUrl = authorizationUrl(tpp, pushed);
        var outcome = new CustomerAgent(platform).authorize(authorizationUrl, "sato", PASSWORD, true);

        assertThat(outcome.redirect().getQuery()).startsWith("response=").doesNotContain("code=")
                .doesNotContain("iss=");
        var response = AuthorizationResponse.parse(outcome.redirect(), jarmValidator(tpp));
        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.getState().getValue()).isEqualTo(claims.getStringClaim("state"));
        var jwt = SignedJWT.parse(URLUtils.parseParameters(outcome.redirect().getRawQuery()).get("response").get(0));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).as("JARM exp at most 10 minutes ahead")
                .isBefore(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        var token = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(), new AuthorizationCodeGrant(
                        response.toSuccessResponse().getAuthorizationCode(), TestTpp.REDIRECT_URI, verifier))
                .toHTTPRequest(), null));
        assertThat(token.indicatesSuccess()).as("the code of the signed response redeems").isTrue();
        assertThat(((OIDCTokenResponse) token.toSuccessResponse()).getOIDCTokens().getAccessToken())
                .isInstanceOf(DPoPAccessToken.class);
    }

    @Test
    void codeFlowWhenCustomerDeclinesThenTheErrorIsAJwtForTheClient() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(false, "ES256", null, null));
        JWTClaimsSet claims = requestClaims(tpp, new CodeVerifier(), builder -> builder.claim("response_mode",
                "query.jwt"));
        HTTPResponse pushed = pushObject(tpp, sign(claims, tpp.clientKey(), JWSAlgorithm.ES256), Map.of());

        var outcome = new CustomerAgent(platform).authorize(authorizationUrl(tpp, pushed), "yamada", PASSWORD,
                false);

        assertThat(outcome.redirect().getQuery()).startsWith("response=").doesNotContain("error=");
        var response = AuthorizationResponse.parse(outcome.redirect(), jarmValidator(tpp));
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((AuthorizationErrorResponse) response).getErrorObject().getCode())
                .isEqualTo(OAuth2Error.ACCESS_DENIED.getCode());
        assertThat(response.getState().getValue()).isEqualTo(claims.getStringClaim("state"));
    }

    @Test
    void codeFlowWhenPlainParametersAskForJwtResponseThenTheResponseIsSignedToo() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = tpp.authorizationRequest(SCOPE, new CodeVerifier())
                .responseMode(com.nimbusds.oauth2.sdk.ResponseMode.JWT).build();

        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "sato", PASSWORD, true);

        var response = AuthorizationResponse.parse(outcome.redirect(), jarmValidator(tpp));
        assertThat(response.indicatesSuccess()).isTrue();
    }

    @Test
    void parWhenClientRegisteredForSignedResponsesAsksForQueryThenInvalidRequest() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(false, null, "ES256", null));
        var request = tpp.authorizationRequest(SCOPE, new CodeVerifier()).build();

        assertOAuthError(tpp.pushForResponse(request), 400, "invalid_request");
    }

    @Test
    void parWhenResponseModeNotOfferedThenInvalidRequest() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = tpp.authorizationRequest(SCOPE, new CodeVerifier())
                .responseMode(com.nimbusds.oauth2.sdk.ResponseMode.FORM_POST_JWT).build();

        assertOAuthError(tpp.pushForResponse(request), 400, "invalid_request");
    }

    // ---- request objects: algorithms and keys ----

    @Test
    void parWhenRequestObjectSignedWithPs256ByARegisteredRsaKeyThenAccepted() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        TestTpp tpp = signingClient(new ClientMessageSigning(false, null, null, null), rsa);
        JWTClaimsSet claims = requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity());
        // a client that registered no algorithm may not send any: acceptance needs the switch
        assertOAuthError(pushObject(tpp, sign(claims, rsa, JWSAlgorithm.PS256), Map.of()), 400,
                "request_not_supported");

        TestTpp enabled = signingClient(new ClientMessageSigning(true, null, null, null), rsa);
        HTTPResponse pushed = pushObject(enabled, sign(requestClaims(enabled, new CodeVerifier(),
                UnaryOperator.identity()), rsa, JWSAlgorithm.PS256), Map.of());
        assertThat(pushed.getStatusCode()).as("PAR %s", pushed.getBody()).isEqualTo(201);
    }

    @Test
    void parWhenRequestObjectSignedWithEdDsaByARegisteredEd25519KeyThenAccepted() throws Exception {
        OctetKeyPair ed25519 = new OctetKeyPairGenerator(Curve.Ed25519).keyID(UUID.randomUUID().toString())
                .generate();
        TestTpp tpp = signingClient(new ClientMessageSigning(false, "EdDSA", null, null), ed25519);

        HTTPResponse pushed = pushObject(tpp, sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()),
                ed25519, JWSAlgorithm.EdDSA), Map.of());

        assertThat(pushed.getStatusCode()).as("PAR %s", pushed.getBody()).isEqualTo(201);
        assertInvalidRequestObject(tpp, sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()),
                tpp.clientKey(), JWSAlgorithm.ES256), "signed with ES256");
    }

    @Test
    void parWhenRequestObjectSignedWithAnotherAlgorithmThanRegisteredThenInvalidRequestObject() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        TestTpp tpp = signingClient(new ClientMessageSigning(false, "ES256", null, null), rsa);

        assertInvalidRequestObject(tpp, sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), rsa,
                JWSAlgorithm.PS256), "signed with PS256");
    }

    @Test
    void parWhenRequestObjectSignedWithRs256ThenInvalidRequestObject() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null), rsa);

        assertInvalidRequestObject(tpp, sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), rsa,
                JWSAlgorithm.RS256), "signed with RS256");
    }

    @Test
    void parWhenRequestObjectUnsignedThenInvalidRequestObject() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        String none = new PlainJWT(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity())).serialize();

        assertInvalidRequestObject(tpp, none, "must be signed");
    }

    @Test
    void parWhenRequestObjectSignedByAKeyTheClientDidNotRegisterThenInvalidRequestObject() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        ECKey other = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(tpp.clientKey().getKeyID()).generate();

        assertInvalidRequestObject(tpp, sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), other,
                JWSAlgorithm.ES256), "signature");
    }

    @Test
    void parWhenRequestObjectSignatureTamperedThenInvalidRequestObject() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        String signed = sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), tpp.clientKey(),
                JWSAlgorithm.ES256);
        String[] parts = signed.split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(JWTClaimsSet.parse(
                new com.nimbusds.jose.util.Base64URL(parts[1]).decodeToString())).claim("scope", "openid transfers")
                .build();
        String tampered = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(changed.toString()) + "." + parts[2];

        assertInvalidRequestObject(tpp, tampered, "signature");
    }

    // ---- request objects: claims ----

    @Test
    void parWhenRequestObjectAudienceIsNotTheIssuerThenInvalidRequestObject() throws Exception {
        assertClaimsRefused("aud", builder -> builder.audience(issuer + "/oauth2/par"));
        assertClaimsRefused("aud", builder -> builder.audience((String) null));
    }

    @Test
    void parWhenRequestObjectIssuerIsNotTheClientThenInvalidRequestObject() throws Exception {
        assertClaimsRefused("iss", builder -> builder.issuer("another-client"));
        assertClaimsRefused("iss", builder -> builder.issuer(null));
    }

    @Test
    void parWhenRequestObjectClientIdIsNotTheAuthenticatedClientThenInvalidRequestObject() throws Exception {
        assertClaimsRefused("client_id", builder -> builder.claim("client_id", "another-client"));
        assertClaimsRefused("client_id", builder -> builder.claim("client_id", null));
    }

    @Test
    void parWhenRequestObjectExpMissingOrTooLongOrPastThenInvalidRequestObject() throws Exception {
        Instant now = Instant.now();
        assertClaimsRefused("exp is required", builder -> builder.expirationTime(null));
        assertClaimsRefused("60 minutes after nbf", builder -> builder.notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.minusSeconds(5).plus(Duration.ofMinutes(61)))));
        assertClaimsRefused("expired", builder -> builder.notBeforeTime(Date.from(now.minus(Duration.ofMinutes(30))))
                .expirationTime(Date.from(now.minusSeconds(60))));
    }

    @Test
    void parWhenRequestObjectNbfMissingOrTooOldOrAheadThenInvalidRequestObject() throws Exception {
        Instant now = Instant.now();
        assertClaimsRefused("nbf is required", builder -> builder.notBeforeTime(null));
        assertClaimsRefused("60 minutes in the past", builder -> builder
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(61))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(1)))));
        assertClaimsRefused("nbf is in the future", builder -> builder
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))));
    }

    @Test
    void parWhenRequestObjectLifetimeIsExactlySixtyMinutesThenAccepted() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        Instant nbf = Instant.now().minusSeconds(2);
        JWTClaimsSet claims = requestClaims(tpp, new CodeVerifier(), builder -> builder
                .notBeforeTime(Date.from(nbf)).expirationTime(Date.from(nbf.plus(Duration.ofMinutes(60)))));

        assertThat(pushObject(tpp, sign(claims, tpp.clientKey(), JWSAlgorithm.ES256), Map.of()).getStatusCode())
                .isEqualTo(201);
    }

    @Test
    void parWhenRequestObjectJtiReplayedThenInvalidRequestObject() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        String signed = sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), tpp.clientKey(),
                JWSAlgorithm.ES256);

        assertThat(pushObject(tpp, signed, Map.of()).getStatusCode()).as("first use").isEqualTo(201);
        assertInvalidRequestObject(tpp, signed, "already used");
    }

    @Test
    void parWhenRequestObjectHasAForeignTypThenInvalidRequestObject() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(tpp.clientKey().getKeyID())
                .type(new JOSEObjectType("dpop+jwt")).build(), requestClaims(tpp, new CodeVerifier(),
                        UnaryOperator.identity()));
        jwt.sign(new ECDSASigner(tpp.clientKey()));

        assertInvalidRequestObject(tpp, jwt.serialize(), "typ");
    }

    // ---- request objects: only they carry the parameters; the per-client switch ----

    @Test
    void parWhenFormCarriesAuthorizationParametersBesideTheRequestObjectThenInvalidRequest() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        String signed = sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), tpp.clientKey(),
                JWSAlgorithm.ES256);

        assertOAuthError(pushObject(tpp, signed, Map.of("scope", "openid accounts transfers")), 400,
                "invalid_request");
    }

    @Test
    void parWhenRequestObjectFromClientWithoutTheSwitchThenRequestNotSupported() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String signed = sign(requestClaims(tpp, new CodeVerifier(), UnaryOperator.identity()), tpp.clientKey(),
                JWSAlgorithm.ES256);

        assertOAuthError(pushObject(tpp, signed, Map.of()), 400, "request_not_supported");
        assertOAuthError(pushObject(tpp, "not-even-a-jwt", Map.of()), 400, "request_not_supported");
    }

    @Test
    void parWhenClientRequiresSignedRequestObjectsSendsPlainParametersThenInvalidRequest() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));

        assertOAuthError(tpp.pushForResponse(tpp.authorizationRequest(SCOPE, new CodeVerifier()).build()), 400,
                "invalid_request");
    }

    @Test
    void parWhenClientAcceptsButDoesNotRequireSignedRequestObjectsThenPlainParametersStillWork() throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(false, "ES256", null, null));

        assertThat(tpp.pushForResponse(tpp.authorizationRequest(SCOPE, new CodeVerifier()).build()).getStatusCode())
                .isEqualTo(201);
    }

    // ---- signed introspection (RFC 9701) ----

    @Test
    void introspectionWhenJwtAcceptedThenSignedResponseVerifiesWithTheJwks() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var connection = jp.kakehashi.systemtests.support.Connection.establish(platform, tpp, "sato", "openid",
                "accounts");
        HTTPRequest request = new TokenIntrospectionRequest(tpp.metadata().getIntrospectionEndpointURI(),
                tpp.clientAuthentication(), connection.accessToken()).toHTTPRequest();
        request.setAccept("application/token-introspection+jwt");

        HTTPResponse response = tpp.send(request);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaderValue("Content-Type")).startsWith("application/token-introspection+jwt");
        SignedJWT jwt = SignedJWT.parse(response.getBody());
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("token-introspection+jwt"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        ECKey serverKey = serverKeys(tpp).getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(serverKey))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getAudience()).containsExactly(tpp.clientId().getValue());
        assertThat(claims.getIssueTime()).isNotNull();
        Map<String, Object> introspection = claims.getJSONObjectClaim("token_introspection");
        assertThat(introspection).containsEntry("active", true).containsEntry("client_id", tpp.clientId().getValue());
        assertThat(introspection.get("scope").toString()).contains("accounts");

        HTTPRequest plain = new TokenIntrospectionRequest(tpp.metadata().getIntrospectionEndpointURI(),
                tpp.clientAuthentication(), connection.accessToken()).toHTTPRequest();
        HTTPResponse json = tpp.send(plain);
        assertThat(json.getHeaderValue("Content-Type")).as("without the Accept header").startsWith("application/json");
    }

    @Test
    void introspectionWhenJwtAcceptedForUnknownTokenThenSignedInactiveResponse() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        HTTPRequest request = new TokenIntrospectionRequest(tpp.metadata().getIntrospectionEndpointURI(),
                tpp.clientAuthentication(), new BearerAccessToken("no-such-token")).toHTTPRequest();
        request.setAccept("application/token-introspection+jwt");

        SignedJWT jwt = SignedJWT.parse(tpp.send(request).getBody());

        assertThat(jwt.getJWTClaimsSet().getJSONObjectClaim("token_introspection")).containsEntry("active", false);
    }

    // ---- registration and discovery ----

    @Test
    void registerWhenMessageSigningMetadataThenStoredEchoedAndEnforced() throws Exception {
        TestTpp bank = TestTpp.register(platform, Set.of("accounts"));
        ECKey key = TestTpp.newKey();
        String token = platform.bean(RegistrationTokens.class).issue(bank.tppId(), Duration.ofDays(1));
        JSONObject json = clientMetadata(key);
        json.put("require_signed_request_object", true);
        json.put("request_object_signing_alg", "ES256");
        json.put("authorization_signed_response_alg", "ES256");
        json.put("introspection_signed_response_alg", "ES256");

        var response = OIDCClientRegistrationResponseParser.parse(bank.send(new OIDCClientRegistrationRequest(
                bank.metadata().getRegistrationEndpointURI(), OIDCClientMetadata.parse(json),
                new BearerAccessToken(token)).toHTTPRequest()));

        assertThat(response.indicatesSuccess()).isTrue();
        var info = ((OIDCClientInformationResponse) response).getOIDCClientInformation();
        JSONObject echoed = info.getMetadata().toJSONObject();
        assertThat(echoed).containsEntry("request_object_signing_alg", "ES256")
                .containsEntry("authorization_signed_response_alg", "ES256")
                .containsEntry("introspection_signed_response_alg", "ES256")
                .containsEntry("require_signed_request_object", true);
        var client = TestTpp.forClient(platform, bank.tppId(), info.getID().getValue(), key);
        assertOAuthError(client.pushForResponse(client.authorizationRequest(SCOPE, new CodeVerifier()).build()), 400,
                "invalid_request");
    }

    @Test
    void registerWhenSigningAlgorithmNotOfferedThenInvalidClientMetadata() throws Exception {
        TestTpp bank = TestTpp.register(platform, Set.of("accounts"));
        for (var field : List.of(Map.entry("request_object_signing_alg", "RS256"),
                Map.entry("request_object_signing_alg", "none"),
                Map.entry("authorization_signed_response_alg", "HS256"),
                Map.entry("introspection_signed_response_alg", "RS256"))) {
            JSONObject json = clientMetadata(TestTpp.newKey());
            json.put(field.getKey(), field.getValue());
            String token = platform.bean(RegistrationTokens.class).issue(bank.tppId(), Duration.ofDays(1));

            var response = OIDCClientRegistrationResponseParser.parse(bank.send(new OIDCClientRegistrationRequest(
                    bank.metadata().getRegistrationEndpointURI(), OIDCClientMetadata.parse(json),
                    new BearerAccessToken(token)).toHTTPRequest()));

            assertThat(response.indicatesSuccess()).as("%s", field).isFalse();
            assertThat(((ClientRegistrationErrorResponse) response).getErrorObject().getCode()).as("%s", field)
                    .isEqualTo("invalid_client_metadata");
        }
    }

    @Test
    void discoveryWhenFetchedThenAdvertisesExactlyWhatIsEnforced() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            JSONObject metadata = tpp.send(new HTTPRequest(HTTPRequest.Method.GET, URI.create(issuer + path)))
                    .getContentAsJSONObject();

            assertThat(metadata).as(path).containsEntry("request_parameter_supported", true)
                    .containsEntry("require_signed_request_object", false);
            assertThat(list(metadata, "request_object_signing_alg_values_supported"))
                    .containsExactlyInAnyOrder("PS256", "ES256", "EdDSA");
            assertThat(list(metadata, "response_modes_supported")).containsExactlyInAnyOrder("query", "jwt",
                    "query.jwt");
            assertThat(list(metadata, "authorization_signing_alg_values_supported")).containsExactly("ES256");
            assertThat(list(metadata, "introspection_signing_alg_values_supported")).containsExactly("ES256");
        }
    }

    // ---- helpers ----

    /** A new client of a new TPP with the given Message Signing registration and an ES256 key (and {@code more}). */
    private TestTpp signingClient(ClientMessageSigning signing, JWK... more) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        ECKey key = TestTpp.newKey();
        List<JWK> keys = new java.util.ArrayList<>(List.of(key.toPublicJWK()));
        for (JWK extra : more) {
            keys.add(extra.toPublicJWK());
        }
        String clientId = "signing-" + UUID.randomUUID();
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, tpp.tppId(), "signing client",
                List.of(TestTpp.REDIRECT_URI.toString()), new JWKSet(keys).toString(), null,
                TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP, false, signing));
        return TestTpp.forClient(platform, tpp.tppId(), clientId, key);
    }

    /** The TPP's usual authorization request as request object claims, valid for 10 minutes from now. */
    private JWTClaimsSet requestClaims(TestTpp tpp, CodeVerifier verifier,
            UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder(tpp.authorizationRequest(SCOPE, verifier).build().toJWTClaimsSet())
                .issuer(tpp.clientId().getValue()).audience(issuer).notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).jwtID(UUID.randomUUID().toString());
        return change.apply(builder).build();
    }

    private static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm) throws Exception {
        JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa)
                : key instanceof OctetKeyPair okp ? new Ed25519Signer(okp) : new ECDSASigner((ECKey) key);
        var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                .type(new JOSEObjectType("oauth-authz-req+jwt")).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** A PAR request carrying {@code requestObject} and {@code extra} form parameters, with client authentication. */
    private static HTTPResponse pushObject(TestTpp tpp, String requestObject, Map<String, String> extra)
            throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST,
                tpp.metadata().getPushedAuthorizationRequestEndpointURI());
        request.setContentType("application/x-www-form-urlencoded");
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("client_id", List.of(tpp.clientId().getValue()));
        form.put("request", List.of(requestObject));
        extra.forEach((name, value) -> form.put(name, List.of(value)));
        request.setBody(URLUtils.serializeParameters(form));
        tpp.clientAuthentication().applyTo(request);
        return tpp.send(request);
    }

    private URI authorizationUrl(TestTpp tpp, HTTPResponse pushed) throws Exception {
        var par = PushedAuthorizationResponse.parse(pushed).toSuccessResponse();
        return new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(par.getRequestURI(), tpp.clientId())
                .endpointURI(tpp.metadata().getAuthorizationEndpointURI()).build().toURI();
    }

    private JARMValidator jarmValidator(TestTpp tpp) throws Exception {
        return new JARMValidator(new Issuer(issuer), tpp.clientId(), JWSAlgorithm.ES256, serverKeys(tpp));
    }

    private static JWKSet serverKeys(TestTpp tpp) throws Exception {
        return JWKSet.parse(tpp.send(new HTTPRequest(HTTPRequest.Method.GET, tpp.metadata().getJWKSetURI()))
                .getBody());
    }

    /** A request object with one claim changed is refused, for the reason {@code reason} names. */
    private void assertClaimsRefused(String reason, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        TestTpp tpp = signingClient(new ClientMessageSigning(true, null, null, null));
        HTTPResponse response = pushObject(tpp, sign(requestClaims(tpp, new CodeVerifier(), change), tpp.clientKey(),
                JWSAlgorithm.ES256), Map.of());
        assertOAuthError(response, 400, "invalid_request_object");
        assertThat(response.getContentAsJSONObject().get("error_description")).asString().contains(reason);
    }

    private static void assertInvalidRequestObject(TestTpp tpp, String requestObject, String reason)
            throws Exception {
        HTTPResponse response = pushObject(tpp, requestObject, Map.of());
        assertOAuthError(response, 400, "invalid_request_object");
        assertThat(response.getContentAsJSONObject().get("error_description")).asString().contains(reason);
    }

    private static JSONObject clientMetadata(ECKey key) {
        var metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(TestTpp.REDIRECT_URI);
        metadata.setTokenEndpointAuthMethod(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        metadata.setJWKSet(new JWKSet(key.toPublicJWK()));
        metadata.setScope(SCOPE);
        metadata.setDPoPBoundAccessTokens(true);
        return metadata.toJSONObject();
    }

    private static List<Object> list(JSONObject metadata, String name) {
        assertThat(metadata).containsKey(name);
        return new java.util.ArrayList<>((List<?>) metadata.get(name));
    }
}
