package jp.demofintech.kakeibo.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which TLS certificates the app accepts from the bank: those of a configured trust store, never "any". For a local
 * run that is the bank's self-signed certificate, taken from the bank's keystore by alias, so the app trusts exactly
 * that certificate and not the private key stored next to it.
 */
final class BankTrust {

    private BankTrust() {
    }

    static SSLContext of(Path store, String password, String alias) {
        if (store == null) {
            return defaultContext();
        }
        try {
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                loaded.load(in, password == null ? null : password.toCharArray());
            }
            KeyStore trusted = loaded;
            if (alias != null && !alias.isBlank()) {
                Certificate certificate = loaded.getCertificate(alias);
                if (certificate == null) {
                    throw new IllegalStateException("no certificate '" + alias + "' in the trust store " + store);
                }
                trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry(alias, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + store.toAbsolutePath()
                    + " (is the bank started? it writes its certificate at first start)", e);
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
