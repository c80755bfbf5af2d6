package jp.kakehashi.systemtests.support;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A TPP's calls to the bank's {@code /v1} API as a FAPI 2.0 client makes them: DPoP-bound access token in the
 * {@code DPoP} scheme with a fresh proof per request (bound to the token by {@code ath}), retried once with the
 * server's nonce if it asks for one (RFC 9449 §9).
 */
public final class ApiClient {

    private final RunningPlatform platform;
    private final TestTpp tpp;
    private final DPoPAccessToken token;
    private final java.util.function.Function<String, URI> base;
    private int timeoutMillis;

    public ApiClient(RunningPlatform platform, Connection connection) {
        this.platform = platform;
        this.tpp = connection.tpp();
        this.token = connection.accessToken();
        this.base = platform::uri;
    }

    /** A client of the same connection that calls another node of the platform, on {@code port} of localhost. */
    public ApiClient(RunningPlatform platform, Connection connection, int port) {
        this.platform = platform;
        this.tpp = connection.tpp();
        this.token = connection.accessToken();
        this.base = path -> URI.create("https://localhost:" + port + path);
    }

    /**
     * Gives up on a call that has not connected or answered within {@code timeout} (an IOException), as a TPP does
     * before it retries; by default a call waits as long as the connection stays open.
     */
    public ApiClient timingOutAfter(java.time.Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        return this;
    }

    /** The answer of the API: status, headers and body as text. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }

        /** The JSON body as maps, lists and strings. */
        public Map<String, Object> json() {
            try {
                return com.nimbusds.jose.util.JSONObjectUtils.parse(body);
            }
            catch (java.text.ParseException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** A GET with the access token and a DPoP proof, as the TPP makes it. */
    public Response get(String pathAndQuery, String... headerNamesAndValues) throws Exception {
        URI uri = base.apply(pathAndQuery);
        HTTPResponse response = send(uri, null, headerNamesAndValues);
        String challenge = response.getHeaderValue("WWW-Authenticate");
        String nonce = response.getHeaderValue("DPoP-Nonce");
        if (response.getStatusCode() == 401 && nonce != null && challenge != null
                && challenge.contains("use_dpop_nonce")) {
            response = send(uri, new Nonce(nonce), headerNamesAndValues);
        }
        return of(response);
    }

    /**
     * A POST of a JSON body with the access token and a DPoP proof, as the TPP makes it; headers such as
     * {@code Idempotency-Key} are given as name, value pairs.
     */
    public Response post(String path, String jsonBody, String... headerNamesAndValues) throws Exception {
        URI uri = base.apply(path);
        HTTPResponse response = send(HTTPRequest.Method.POST, uri, jsonBody, null, headerNamesAndValues);
        String challenge = response.getHeaderValue("WWW-Authenticate");
        String nonce = response.getHeaderValue("DPoP-Nonce");
        if (response.getStatusCode() == 401 && nonce != null && challenge != null
                && challenge.contains("use_dpop_nonce")) {
            response = send(HTTPRequest.Method.POST, uri, jsonBody, new Nonce(nonce), headerNamesAndValues);
        }
        return of(response);
    }

    /** A GET with the DPoP-bound token presented as a plain Bearer token (a downgrade the bank must refuse). */
    public Response getAsBearer(String pathAndQuery) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, platform.uri(pathAndQuery));
        request.setAuthorization("Bearer " + token.getValue());
        return of(tpp.send(request));
    }

    /** A GET without any token, as for the public information. */
    public static Response getPublic(RunningPlatform platform, String pathAndQuery, String... headerNamesAndValues)
            throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, platform.uri(pathAndQuery));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.setHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        request.setSSLSocketFactory(platform.tls().getSocketFactory());
        return of(request.send());
    }

    private HTTPResponse send(URI uri, Nonce nonce, String... headerNamesAndValues) throws Exception {
        return send(HTTPRequest.Method.GET, uri, null, nonce, headerNamesAndValues);
    }

    private HTTPResponse send(HTTPRequest.Method method, URI uri, String jsonBody, Nonce nonce,
            String... headerNamesAndValues) throws Exception {
        return sendProof(method, uri, jsonBody, tpp.dpop().createDPoPJWT(method.name(), htu(uri), token, nonce),
                headerNamesAndValues);
    }

    private HTTPResponse sendProof(HTTPRequest.Method method, URI uri, String jsonBody, SignedJWT proof,
            String... headerNamesAndValues) throws Exception {
        HTTPRequest request = new HTTPRequest(method, uri);
        request.setConnectTimeout(timeoutMillis);
        request.setReadTimeout(timeoutMillis);
        if (jsonBody != null) {
            request.setContentType("application/json; charset=UTF-8");
            request.setBody(jsonBody);
        }
        request.setAuthorization(token.toAuthorizationHeader());
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.setHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        request.setDPoP(proof);
        return tpp.send(request);
    }

    /** htu is the URI without query and fragment (RFC 9449 §4.2), its path as sent (still percent-encoded). */
    private static URI htu(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    /** A DPoP proof for one call of {@code method} on {@code pathAndQuery}, bound to the access token (B7). */
    public SignedJWT proof(String method, String pathAndQuery) throws Exception {
        return tpp.dpop().createDPoPJWT(method, htu(base.apply(pathAndQuery)), token);
    }

    /** The same proof carrying {@code nonce}, a server-provided nonce (RFC 9449 §9). */
    public SignedJWT proof(String method, String pathAndQuery, String nonce) throws Exception {
        return tpp.dpop().createDPoPJWT(method, htu(base.apply(pathAndQuery)), token, new Nonce(nonce));
    }

    /**
     * Sends a call with {@code proof} as it is, without making a fresh one or retrying with a nonce: for tests of
     * what the bank does with a proof used before (B7). {@code jsonBody} may be null (a GET).
     */
    public Response sendWithProof(String method, String pathAndQuery, String jsonBody, SignedJWT proof,
            String... headerNamesAndValues) throws Exception {
        return of(sendProof(HTTPRequest.Method.valueOf(method), base.apply(pathAndQuery), jsonBody, proof,
                headerNamesAndValues));
    }

    private static Response of(HTTPResponse response) {
        return new Response(response.getStatusCode(), response.getHeaderMap(),
                response.getBody() == null ? "" : response.getBody());
    }

    /**
     * Connects {@code tpp} to the demo customer's {@code accounts} (the ones ticked on the consent screen) through the
     * whole flow, as {@link Connection#establish} does for the first account only.
     */
    public static Connection connect(RunningPlatform platform, TestTpp tpp, String loginId, List<String> accounts,
            String... scopes) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope(scopes), verifier).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), loginId, "Kakehashi#2026", true,
                accounts);
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var response = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest(), null));
        var tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        var access = (DPoPAccessToken) tokens.getAccessToken();
        return new Connection(tpp, Connection.grantIdOf(response.toSuccessResponse()), access,
                tokens.getRefreshToken());
    }
}
