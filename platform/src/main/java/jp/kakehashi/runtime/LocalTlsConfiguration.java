package jp.kakehashi.runtime;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the SSL bundle {@code kakehashi-local} with a self-signed certificate made at first start, so a fresh
 * checkout serves HTTPS only (B11) without any setup. Off when {@code kakehashi.tls.self-signed} is false, in which
 * case {@code server.ssl.bundle} names a bundle the bank configures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kakehashi.tls.self-signed", havingValue = "true", matchIfMissing = true)
class LocalTlsConfiguration {

    static final String BUNDLE = "kakehashi-local";

    /** BCP 195 (RFC 9325) and FAPI 2.0 §5.2.1: TLS 1.3 suites, and for TLS 1.2 only ECDHE with AES-GCM. */
    static final String[] CIPHERS = {
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"};

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /**
     * The trust store holds the CAs of TPP client certificates: the TLS layer names them to clients (so a TPP's TLS
     * library knows which certificate to present) but does not enforce them ({@link ClientCertificates}).
     */
    @Bean
    SslBundleRegistrar selfSignedBundle(@Value("${kakehashi.tls.keystore:data/tls/localhost.p12}") Path keystore,
            @Value("${kakehashi.mtls.trusted-ca-file:#{null}}") Path tppCas) {
        return registry -> {
            var store = SelfSignedTlsBundle.loadOrCreate(keystore);
            registry.registerBundle(BUNDLE, SslBundle.of(
                    SslStoreBundle.of(store, SelfSignedTlsBundle.password(), TppCertificateAuthorities.trustStore(tppCas)),
                    SslBundleKey.of(SelfSignedTlsBundle.password(), SelfSignedTlsBundle.ALIAS),
                    SslOptions.of(CIPHERS, PROTOCOLS)));
        };
    }
}
