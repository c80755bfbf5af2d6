package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.SUBJECT_DN;
import static jp.kakehashi.authorization.fapi.TestFapiClients.mtlsClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * {@code tls_client_auth} (RFC 8705 §2.1, FAPI 2.0 §5.3.2.1, B1): the certificate's chain leads to a CA the bank
 * trusts and its subject is the registered one, compared as a name; without a trusted CA no certificate passes and
 * neither {@code tls_client_auth} nor certificate-bound tokens are offered (RFC 8705 §3.3). Refusals are
 * {@code invalid_client}.
 */
class TlsClientCertificatesTests {

    @TempDir
    Path directory;

    private final TestTppCertificates trustedCa = TestTppCertificates.authority("CN=Trusted TPP CA,O=Bank,C=JP");
    private final RegisteredClient client = mtlsClient().build();
    private TlsClientCertificates certificates;

    @BeforeEach
    void trustTheCa() throws Exception {
        certificates = new TlsClientCertificates(trustedCa.writePem(directory.resolve("tpp-ca.pem")));
    }

    @Test
    void acceptWhenTheRegisteredSubjectIssuedByATrustedCaThenAccepted() {
        assertThatNoException().isThrownBy(() -> certificates.accept(context(client, trustedCa.issue(SUBJECT_DN))));
        assertThat(certificates.bindsTokens()).isTrue();
    }

    @Test
    void acceptWhenTheSubjectIsRegisteredInAnotherSpellingOfTheSameNameThenAccepted() {
        var registered = withSubject("cn=TPP-CLIENT, o=example tpp, c=jp");

        assertThatNoException().isThrownBy(() -> certificates.accept(context(registered, trustedCa.issue(SUBJECT_DN))));
    }

    @Test
    void acceptWhenTheChainIncludesTheCaThenAccepted() {
        assertThatNoException().isThrownBy(() -> certificates.accept(context(client, trustedCa.issue(SUBJECT_DN),
                trustedCa.certificate())));
    }

    @Test
    void acceptWhenAnotherSubjectThenThrowInvalidClient() {
        assertInvalidClient(context(client, trustedCa.issue("CN=other-client,O=Example TPP,C=JP")),
                "subject is not the registered one");
    }

    @Test
    void acceptWhenTheClientRegisteredNoSubjectThenThrowInvalidClient() {
        var noSubject = RegisteredClient.from(client).clientSettings(ClientSettings.builder().build()).build();

        assertInvalidClient(context(noSubject, trustedCa.issue(SUBJECT_DN)), "subject is not the registered one");
    }

    @Test
    void acceptWhenIssuedByACaTheBankDoesNotTrustThenThrowInvalidClient() {
        var otherCa = TestTppCertificates.authority("CN=Trusted TPP CA,O=Bank,C=JP");

        assertInvalidClient(context(client, otherCa.issue(SUBJECT_DN)), "not issued by a CA the bank trusts");
    }

    @Test
    void acceptWhenExpiredThenThrowInvalidClient() {
        Instant now = Instant.now();
        X509Certificate expired = trustedCa.issue(SUBJECT_DN, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofMinutes(1)));

        assertInvalidClient(context(client, expired), "has expired");
    }

    @Test
    void acceptWhenNotYetValidThenThrowInvalidClient() {
        Instant now = Instant.now();
        X509Certificate future = trustedCa.issue(SUBJECT_DN, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));

        assertInvalidClient(context(client, future), "not issued by a CA the bank trusts");
    }

    @Test
    void acceptWhenNoCertificateThenThrowInvalidClient() {
        assertInvalidClient(context(client), "a client certificate is required");
        assertInvalidClient(OAuth2ClientAuthenticationContext.with(new OAuth2ClientAuthenticationToken(CLIENT_ID,
                ClientAuthenticationMethod.TLS_CLIENT_AUTH, null, null)).registeredClient(client).build(),
                "a client certificate is required");
    }

    @Test
    void acceptWhenAnotherAuthenticationMethodThenThrowInvalidClient() {
        var token = new OAuth2ClientAuthenticationToken(CLIENT_ID, ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                new X509Certificate[] {trustedCa.issue(SUBJECT_DN)}, null);

        assertInvalidClient(OAuth2ClientAuthenticationContext.with(token).registeredClient(client).build(),
                "a client certificate is required");
    }

    @Test
    void acceptWhenNoCaIsConfiguredThenThrowInvalidClientAndNoTokensAreCertificateBound() {
        var unconfigured = new TlsClientCertificates(null);

        assertThat(unconfigured.bindsTokens()).isFalse();
        assertThatExceptionOfType(OAuth2AuthenticationException.class)
                .isThrownBy(() -> unconfigured.accept(context(client, trustedCa.issue(SUBJECT_DN))))
                .satisfies(e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
                    assertThat(e.getError().getDescription()).contains("not configured CAs");
                });
    }

    @Test
    void constructWhenTheCaFileDoesNotExistThenNoTokensAreCertificateBound() {
        assertThat(new TlsClientCertificates(directory.resolve("missing.pem")).bindsTokens()).isFalse();
    }

    @Test
    void constructWhenTheCaFileIsNotPemCertificatesThenThrowIllegalStateException() throws Exception {
        Path garbage = Files.writeString(directory.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");

        assertThatIllegalStateException().isThrownBy(() -> new TlsClientCertificates(garbage))
                .withMessageContaining("cannot read the TPP CA certificates");
    }

    private void assertInvalidClient(OAuth2ClientAuthenticationContext context, String description) {
        assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> certificates.accept(context))
                .satisfies(e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
                    assertThat(e.getError().getDescription()).contains(description);
                });
    }

    private RegisteredClient withSubject(String subjectDn) {
        return RegisteredClient.from(client).clientSettings(ClientSettings.withSettings(
                client.getClientSettings().getSettings()).x509CertificateSubjectDN(subjectDn).build()).build();
    }

    private static OAuth2ClientAuthenticationContext context(RegisteredClient client, X509Certificate... chain) {
        var token = new OAuth2ClientAuthenticationToken(CLIENT_ID, ClientAuthenticationMethod.TLS_CLIENT_AUTH, chain,
                null);
        return OAuth2ClientAuthenticationContext.with(token).registeredClient(client).build();
    }
}
