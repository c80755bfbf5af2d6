package jp.kakehashi.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first local run has no TPP CA yet: the server must still start (the JDK refuses an empty trust store). */
class TppCertificateAuthoritiesTest {

    @Test
    void trustStoreWhenNoFileThenNone(@TempDir Path folder) {
        assertThat(TppCertificateAuthorities.trustStore(folder.resolve("missing.pem"))).isNull();
        assertThat(TppCertificateAuthorities.trustStore(null)).isNull();
    }

    @Test
    void trustStoreWhenFileHoldsNoCertificateThenNone(@TempDir Path folder) throws Exception {
        Path empty = Files.writeString(folder.resolve("tpp-cas.pem"), "");
        assertThat(TppCertificateAuthorities.trustStore(empty)).isNull();
    }

    @Test
    void trustStoreWhenCaGivenThenHoldsIt(@TempDir Path folder) throws Exception {
        var store = SelfSignedTlsBundle.loadOrCreate(folder.resolve("tls.p12"));
        var certificate = store.getCertificate(SelfSignedTlsBundle.ALIAS);
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path file = Files.writeString(folder.resolve("tpp-cas.pem"), pem);

        var trust = TppCertificateAuthorities.trustStore(file);

        assertThat(trust).isNotNull();
        assertThat(trust.size()).isEqualTo(1);
        assertThat(trust.getCertificate(trust.aliases().nextElement())).isEqualTo(certificate);
    }
}
