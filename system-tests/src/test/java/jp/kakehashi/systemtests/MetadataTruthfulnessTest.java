package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.SecondNodeExtension;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discovery (RFC 8414, OIDC Discovery) and the API's protected resource metadata (RFC 9728) advertise mutual TLS
 * (RFC 8705: {@code tls_client_auth}, certificate-bound access tokens) exactly where it is enforced: on the tests'
 * platform, which trusts a CA for TPP certificates, both say so and a client of that CA gets certificate-bound tokens
 * ({@link MutualTlsClientTest}); on a node whose CA file does not exist (the default setting of a fresh installation
 * names one) neither says so and such a client is refused.
 */
class MetadataTruthfulnessTest {

    @RegisterExtension
    static final SecondNodeExtension withoutCas = new SecondNodeExtension(first -> Map.of(
            "kakehashi.mtls.trusted-ca-file", first.home().resolve("mtls/no-such-file.pem").toString()));

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(platform.tls())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void metadataWhenTppCasTrustedThenMutualTlsAdvertisedEverywhere() throws Exception {
        Map<String, Object> discovery = json(platform.uri("/.well-known/openid-configuration"));
        Map<String, Object> serverMetadata = json(platform.uri("/.well-known/oauth-authorization-server"));
        Map<String, Object> resource = json(platform.uri("/.well-known/oauth-protected-resource/v1"));

        for (Map<String, Object> metadata : List.of(discovery, serverMetadata)) {
            assertThat(metadata.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
            assertThat((List<Object>) metadata.get("token_endpoint_auth_methods_supported"))
                    .containsExactlyInAnyOrder("private_key_jwt", "tls_client_auth");
        }
        assertThat(resource.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
        assertThat(resource.get("dpop_bound_access_tokens_required")).isEqualTo(false);
    }

    @Test
    void metadataWhenNoTppCaThenNoMutualTlsAdvertisedAndNoneAccepted() throws Exception {
        Map<String, Object> discovery = json(onNode("/.well-known/openid-configuration"));
        Map<String, Object> serverMetadata = json(onNode("/.well-known/oauth-authorization-server"));
        Map<String, Object> resource = json(onNode("/.well-known/oauth-protected-resource/v1"));

        for (Map<String, Object> metadata : List.of(discovery, serverMetadata)) {
            assertThat(metadata.get("tls_client_certificate_bound_access_tokens")).isEqualTo(false);
            assertThat((List<Object>) metadata.get("token_endpoint_auth_methods_supported"))
                    .containsExactly("private_key_jwt");
            assertThat((List<Object>) metadata.get("revocation_endpoint_auth_methods_supported"))
                    .containsExactly("private_key_jwt");
            assertThat((List<Object>) metadata.get("introspection_endpoint_auth_methods_supported"))
                    .containsExactly("private_key_jwt");
        }
        assertThat(resource.get("tls_client_certificate_bound_access_tokens")).isEqualTo(false);
        assertThat(resource.get("dpop_bound_access_tokens_required")).isEqualTo(true);
        assertThat(pushWithCertificate()).as("tls_client_auth with a certificate of the first node's CA")
                .isEqualTo("invalid_client");
    }

    /** The error of a PAR request of a tls_client_auth client, on the node without CAs. */
    private String pushWithCertificate() throws Exception {
        String subject = "CN=mtls-" + UUID.randomUUID() + ",O=Test TPP,C=JP";
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        ClientID clientId = new ClientID("mtls-" + UUID.randomUUID());
        platform.bean(Tpps.class).registerClient(new TppClient(clientId.getValue(), tpp.tppId(), "mTLS client",
                List.of(TestTpp.REDIRECT_URI.toString()), null, null, TppClient.AuthMethod.TLS_CLIENT_AUTH, subject,
                TppClient.SenderConstraint.MTLS));
        SSLContext certificate = platform.clientCertificateContext(subject);
        var request = new AuthorizationRequest.Builder(new ResponseType("code"), clientId)
                .scope(new Scope("openid", "accounts")).redirectionURI(TestTpp.REDIRECT_URI).state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();
        var push = new PushedAuthorizationRequest(onNode("/oauth2/par"),
                new PKITLSClientAuthentication(clientId, certificate.getSocketFactory()), request).toHTTPRequest();
        push.setSSLSocketFactory(certificate.getSocketFactory());
        var response = PushedAuthorizationResponse.parse(push.send());
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }

    private URI onNode(String path) {
        return URI.create("https://localhost:" + withoutCas.port() + path);
    }

    private Map<String, Object> json(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
        return com.nimbusds.jose.util.JSONObjectUtils.parse(response.body());
    }
}
