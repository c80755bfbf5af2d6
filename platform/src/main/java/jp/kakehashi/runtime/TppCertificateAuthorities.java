package jp.kakehashi.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * Reads the PEM file of CAs that issue TPP client certificates into a trust store, or null when the bank trusts none
 * yet: the JDK refuses a TLS context over an empty trust store, and a fresh demo run has no TPP CA.
 */
final class TppCertificateAuthorities {

    private TppCertificateAuthorities() {
    }

    static KeyStore trustStore(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            if (pemFile != null && Files.exists(pemFile)) {
                try (InputStream in = Files.newInputStream(pemFile)) {
                    int i = 0;
                    for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("tpp-ca-" + i++, certificate);
                    }
                }
            }
            return store.size() == 0 ? null : store;
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TPP CA certificates in " + pemFile, e);
        }
    }
}
