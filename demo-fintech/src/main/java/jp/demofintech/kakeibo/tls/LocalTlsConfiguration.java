package jp.demofintech.kakeibo.tls;

import jp.demofintech.kakeibo.KakeiboProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the SSL bundle {@code kakeibo-local} that {@code server.ssl.bundle} names, so the app serves HTTPS only
 * without any setup. Off when {@code kakeibo.tls.self-signed} is false; then {@code server.ssl.bundle} names a bundle
 * configured with a real certificate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kakeibo.tls.self-signed", havingValue = "true", matchIfMissing = true)
class LocalTlsConfiguration {

    static final String BUNDLE = "kakeibo-local";

    @Bean
    SslBundleRegistrar selfSignedBundle(KakeiboProperties properties) {
        return registry -> registry.registerBundle(BUNDLE, SslBundle.of(
                SslStoreBundle.of(SelfSignedCertificate.loadOrCreate(properties.tls().keystore()),
                        SelfSignedCertificate.PASSWORD, null),
                SslBundleKey.of(SelfSignedCertificate.PASSWORD, SelfSignedCertificate.ALIAS),
                SslOptions.of(null, new String[] {"TLSv1.3", "TLSv1.2"})));
    }
}
