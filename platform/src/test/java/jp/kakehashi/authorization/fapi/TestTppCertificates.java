package jp.kakehashi.authorization.fapi;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA standing in for one that issues TPP certificates (RFC 8705 §2.1), and the certificates it issues. */
final class TestTppCertificates {

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestTppCertificates(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    static TestTppCertificates authority(String name) {
        KeyPair keys = ecKeys();
        var subject = new X500Principal(name);
        Instant now = Instant.now();
        return new TestTppCertificates(keys, sign(subject, keys, subject, keys, true, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365))));
    }

    /** A client certificate for {@code subjectDn}, valid from an hour ago for 30 days. */
    X509Certificate issue(String subjectDn) {
        Instant now = Instant.now();
        return issue(subjectDn, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    X509Certificate issue(String subjectDn, Instant notBefore, Instant notAfter) {
        return sign(new X500Principal(subjectDn), ecKeys(), certificate.getSubjectX500Principal(), keys, false,
                notBefore, notAfter);
    }

    X509Certificate certificate() {
        return certificate;
    }

    Path writePem(Path file) throws IOException, GeneralSecurityException {
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
            KeyPair issuerKeys, boolean ca, Instant notBefore, Instant notAfter) {
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        }
        catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
