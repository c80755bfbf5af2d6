package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA standing in for the PKI that issues TPP certificates (e.g. a certification authority the bank accepts), to
 * test {@code tls_client_auth}. The platform trusts its certificate through {@code kakehashi.mtls.trusted-ca-file}.
 */
public final class TestCertificateAuthority {

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final X500Name name;

    private TestCertificateAuthority(KeyPair keys, X509Certificate certificate, X500Name name) {
        this.keys = keys;
        this.certificate = certificate;
        this.name = name;
    }

    public static TestCertificateAuthority create(String name) throws Exception {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name(name);
        return new TestCertificateAuthority(keys, sign(subject, keys, subject, keys, true), subject);
    }

    public void writePem(Path file) throws IOException, java.security.cert.CertificateEncodingException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    /** A TLS context presenting a fresh client certificate for {@code subjectDn}, trusting {@code serverTls}. */
    public SSLContext clientContext(String subjectDn, SSLContext serverTrust, javax.net.ssl.TrustManager[] trust)
            throws Exception {
        KeyPair client = ecKeys();
        // the subject as RFC 4514 means it, so the registered string names exactly this certificate
        X500Name subject = X500Name.getInstance(new javax.security.auth.x500.X500Principal(subjectDn).getEncoded());
        X509Certificate clientCertificate = sign(subject, client,
                name, keys, false);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.getPrivate(), "x".toCharArray(),
                new X509Certificate[] {clientCertificate, certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(store, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust, null);
        return context;
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
