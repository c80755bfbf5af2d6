package jp.kakehashi.authorization.fapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * Verifies a TPP's client certificate for {@code tls_client_auth} (RFC 8705 §2.1): the chain must lead to one of
 * the CAs the bank trusts for TPP certificates ({@code kakehashi.mtls.trusted-ca-file}, PEM) and the subject must be
 * the one registered for the client. The TLS layer does not check TPP certificates (see the runtime module), so
 * this is the only check, and with no CA configured no certificate passes.
 * <p>
 * So {@code tls_client_auth}, and the certificate-bound access tokens only such clients get (RFC 8705 §3), are
 * offered only when the bank trusts at least one CA ({@link #bindsTokens()}): discovery and the API's protected
 * resource metadata say so from here, never from the setting alone, which names a file by default.
 */
@Component
public final class TlsClientCertificates implements Consumer<OAuth2ClientAuthenticationContext> {

    private final Set<TrustAnchor> anchors;

    TlsClientCertificates(@Value("${kakehashi.mtls.trusted-ca-file:#{null}}") Path trustedCaFile) {
        this.anchors = trustedCaFile == null || !Files.isRegularFile(trustedCaFile) ? Set.of() : load(trustedCaFile);
    }

    /** Whether a client can authenticate with {@code tls_client_auth}, and so get certificate-bound access tokens. */
    public boolean bindsTokens() {
        return !anchors.isEmpty();
    }

    @Override
    public void accept(OAuth2ClientAuthenticationContext context) {
        org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken authentication =
                context.getAuthentication();
        if (!ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(authentication.getClientAuthenticationMethod())
                || !(authentication.getCredentials() instanceof X509Certificate[] chain) || chain.length == 0) {
            throw invalid("a client certificate is required");
        }
        String expectedSubject = context.getRegisteredClient().getClientSettings().getX509CertificateSubjectDN();
        if (expectedSubject == null || !sameName(expectedSubject, chain[0])) {
            throw invalid("the client certificate's subject is not the registered one");
        }
        if (anchors.isEmpty()) {
            throw invalid("the bank has not configured CAs for TPP certificates");
        }
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain));
            var parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        }
        catch (GeneralSecurityException e) {
            throw invalid("the client certificate is not issued by a CA the bank trusts, or has expired");
        }
    }

    /** RFC 4514 names compared as names (X500Principal's canonical form), not as strings. */
    private static boolean sameName(String registered, X509Certificate certificate) {
        try {
            return new javax.security.auth.x500.X500Principal(registered).equals(certificate.getSubjectX500Principal());
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
    }

    private static Set<TrustAnchor> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> new TrustAnchor((X509Certificate) c, null)).collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TPP CA certificates in " + file, e);
        }
    }
}
