package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;

/**
 * RFC 8705 with a real client library: a TPP authenticates with its CA-issued certificate ({@code tls_client_auth})
 * and gets certificate-bound access tokens that work only over TLS with the same certificate (B7, B9).
 */
class MutualTlsClientTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void tlsClientAuthWhenCertificateMatchesThenCertificateBoundTokensWorkOnlyWithThatCertificate() throws Exception {
        String subject = "CN=mtls-" + UUID.randomUUID() + ",O=Test TPP,C=JP";
        ClientID clientId = registerMtlsClient(subject);
        SSLContext certificate = platform.clientCertificateContext(subject);

        AccessToken token = authorize(clientId, certificate);

        assertThat(userInfo(token, certificate)).isEqualTo(200);
        assertThat(userInfo(token, platform.tls())).as("no client certificate").isEqualTo(401);
        assertThat(userInfo(token, platform.clientCertificateContext(subject))).as("another certificate, same subject")
                .isEqualTo(401);
    }

    @Test
    void tlsClientAuthWhenSubjectDiffersThenInvalidClient() throws Exception {
        ClientID clientId = registerMtlsClient("CN=registered-" + UUID.randomUUID() + ",O=Test TPP");
        SSLContext wrong = platform.clientCertificateContext("CN=someone-else,O=Test TPP");

        var response = PushedAuthorizationResponse.parse(send(new PushedAuthorizationRequest(
                platform.uri("/oauth2/par"), new PKITLSClientAuthentication(clientId, wrong.getSocketFactory()),
                request(clientId, new CodeVerifier())).toHTTPRequest(), wrong));

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void tlsClientAuthWhenCertificateFromUntrustedIssuerThenInvalidClient() throws Exception {
        String subject = "CN=selfmade-" + UUID.randomUUID() + ",O=Test TPP";
        ClientID clientId = registerMtlsClient(subject);
        var otherCa = jp.kakehashi.systemtests.support.TestCertificateAuthority.create("CN=Not trusted CA");
        SSLContext untrusted = otherCa.clientContext(subject, null, trustManagers());

        var response = PushedAuthorizationResponse.parse(send(new PushedAuthorizationRequest(
                platform.uri("/oauth2/par"), new PKITLSClientAuthentication(clientId, untrusted.getSocketFactory()),
                request(clientId, new CodeVerifier())).toHTTPRequest(), untrusted));

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    private AccessToken authorize(ClientID clientId, SSLContext certificate) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        var auth = new PKITLSClientAuthentication(clientId, certificate.getSocketFactory());
        var par = PushedAuthorizationResponse.parse(send(new PushedAuthorizationRequest(platform.uri("/oauth2/par"),
                auth, request(clientId, verifier)).toHTTPRequest(), certificate));
        assertThat(par.indicatesSuccess()).as("PAR %s", par.indicatesSuccess() ? ""
                : par.toErrorResponse().getErrorObject().toJSONObject()).isTrue();
        URI browser = new AuthorizationRequest.Builder(par.toSuccessResponse().getRequestURI(), clientId)
                .endpointURI(platform.uri("/oauth2/authorize")).build().toURI();
        var outcome = new CustomerAgent(platform).authorize(browser, "sato", "Kakehashi#2026", true);
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = OIDCTokenResponseParser.parse(send(new TokenRequest(platform.uri("/oauth2/token"), auth,
                new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest(), certificate));
        assertThat(tokens.indicatesSuccess()).as("token %s", tokens.indicatesSuccess() ? ""
                : tokens.toErrorResponse().getErrorObject().toJSONObject()).isTrue();
        return tokens.toSuccessResponse().getTokens().getAccessToken();
    }

    private AuthorizationRequest request(ClientID clientId, CodeVerifier verifier) {
        return new AuthorizationRequest.Builder(new ResponseType("code"), clientId).scope(new Scope("openid", "accounts"))
                .redirectionURI(TestTpp.REDIRECT_URI).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
    }

    private int userInfo(AccessToken token, SSLContext tls) throws Exception {
        return send(new UserInfoRequest(platform.uri("/userinfo"), token).toHTTPRequest(), tls).getStatusCode();
    }

    private static com.nimbusds.oauth2.sdk.http.HTTPResponse send(HTTPRequest request, SSLContext tls)
            throws java.io.IOException {
        request.setSSLSocketFactory(tls.getSocketFactory());
        return request.send();
    }

    private ClientID registerMtlsClient(String subjectDn) {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String clientId = "mtls-" + UUID.randomUUID();
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, tpp.tppId(), "mTLS client",
                List.of(TestTpp.REDIRECT_URI.toString()), null, null, TppClient.AuthMethod.TLS_CLIENT_AUTH, subjectDn,
                TppClient.SenderConstraint.MTLS));
        return new ClientID(clientId);
    }

    private javax.net.ssl.TrustManager[] trustManagers() throws Exception {
        var factory = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        var store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(platform.home().resolve("tls/localhost.p12"))) {
            store.load(in, "kakehashi-local".toCharArray());
        }
        var trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("kakehashi", store.getCertificate("kakehashi"));
        factory.init(trust);
        return factory.getTrustManagers();
    }
}
