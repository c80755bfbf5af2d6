package jp.demofintech.kakeibo;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's settings ({@code kakeibo.*} in {@code kakeibo.yml}).
 *
 * @param bank how to reach the bank and who the app is there
 * @param tls  the app's own HTTPS certificate
 */
@ConfigurationProperties("kakeibo")
public record KakeiboProperties(Bank bank, Tls tls) {

    /**
     * @param issuer             the bank's issuer identifier; its metadata is discovered from it
     * @param apiBaseUrl         where the bank's {@code /v1} read API is served
     * @param clientId           the app's client id at the bank
     * @param clientKeyFile      the app's private JWK set for private_key_jwt (the bank has only the public keys)
     * @param redirectUri        the app's callback, registered with the bank
     * @param scope              the rights the app asks for
     * @param trustStore         PKCS#12 store with the bank's TLS certificate or its CA
     * @param trustStorePassword the store's password
     * @param trustStoreAlias    if set, only the certificate under this alias is trusted (the store may also hold a
     *                           private key, as the bank's local self-signed keystore does)
     */
    public record Bank(URI issuer, URI apiBaseUrl, String clientId, Path clientKeyFile, URI redirectUri,
            @DefaultValue("openid accounts balances transactions") String scope, Path trustStore,
            String trustStorePassword, String trustStoreAlias) {
    }

    /**
     * @param selfSigned whether to serve a self-signed certificate made at first start
     * @param keystore   where that certificate is kept
     */
    public record Tls(@DefaultValue("true") boolean selfSigned, Path keystore) {
    }
}
