package jp.kakehashi.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** B11, A6: a delivery goes over TLS to the checked address, and the certificate must still name the URL's host. */
class PinnedPostTest {

    @Test
    void postWhenTheCertificateNamesTheHostThenDeliveredToThePinnedAddressWithHeadersAndBody() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpsServer server = server("receiver.test", received);
        try {
            int status = PinnedPost.post(URI.create("https://receiver.test:" + server.getAddress().getPort()
                    + "/events?x=1"), InetAddress.getLoopbackAddress(), Map.of("Content-Type", "application/json"),
                    "{\"n\":1}", Duration.ofSeconds(5), client);

            assertThat(status).isEqualTo(202);
            assertThat(received).containsExactly("/events?x=1 receiver.test:" + server.getAddress().getPort()
                    + " application/json {\"n\":1}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void postWhenTheCertificateNamesAnotherHostThenRefusedByTls() throws Exception {
        HttpsServer server = server("someone-else.test", new CopyOnWriteArrayList<>());
        try {
            assertThatThrownBy(() -> PinnedPost.post(URI.create("https://receiver.test:"
                    + server.getAddress().getPort() + "/events"), InetAddress.getLoopbackAddress(), Map.of(), "{}",
                    Duration.ofSeconds(5), client)).isInstanceOf(SSLException.class);
        } finally {
            server.stop(0);
        }
    }

    private SSLContext client;

    private HttpsServer server(String certifiedHost, List<String> received) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + certifiedHost);
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)), name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, certifiedHost)));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("k", pair.getPrivate(), "p".toCharArray(), new X509Certificate[] { certificate });
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "p".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("c", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Host") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
