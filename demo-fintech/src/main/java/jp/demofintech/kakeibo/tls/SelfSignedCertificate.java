package jp.demofintech.kakeibo.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The app's certificate for a local run (EC P-256, {@code localhost} and 127.0.0.1), made once and kept in its data
 * folder so that a browser exception accepted once keeps working. The same idea as the bank's local certificate,
 * but the app's own: a TPP shares no key material with the bank.
 */
final class SelfSignedCertificate {

    static final String ALIAS = "kakeibo";
    static final String PASSWORD = "kakeibo-local";

    private SelfSignedCertificate() {
    }

    /** Loads the keystore at {@code file}, creating it first when it does not exist. */
    static KeyStore loadOrCreate(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                Path temporary = Files.createTempFile(folder, "tls", ".p12");
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    create().store(out, PASSWORD.toCharArray());
                }
                // atomic, so a second instance starting at the same time never reads half a file
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, PASSWORD.toCharArray());
            }
            return keyStore;
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create or read the app's TLS keystore " + file, e);
        }
    }

    private static KeyStore create() throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keyPair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=localhost, O=Demo FinTech local run");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(825))), subject,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), PASSWORD.toCharArray(),
                    new X509Certificate[] {certificate});
            return keyStore;
        }
        catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
