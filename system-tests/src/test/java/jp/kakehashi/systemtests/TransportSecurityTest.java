package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;

/** B11, FAPI 2.0 §5.2: HTTPS only, TLS 1.2+ with BCP 195 suites, HSTS, and a Date header on every response. */
class TransportSecurityTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void responseWhenAnyPageThenHstsAndDateHeaders() throws Exception {
        var response = client(null).send(HttpRequest.newBuilder(platform.uri("/login")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age="));
        assertThat(response.headers().firstValue("Date")).isPresent();
    }

    @Test
    void handshakeWhenTls11ThenRefused() {
        var parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.1"});
        assertThatThrownBy(() -> client(parameters).send(HttpRequest.newBuilder(platform.uri("/login")).build(),
                HttpResponse.BodyHandlers.discarding())).hasRootCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void handshakeWhenTls12WithCbcCipherThenRefused() {
        var parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.2"});
        parameters.setCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
        assertThatThrownBy(() -> client(parameters).send(HttpRequest.newBuilder(platform.uri("/login")).build(),
                HttpResponse.BodyHandlers.discarding())).hasRootCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void handshakeWhenTls12WithGcmCipherThenAccepted() throws Exception {
        var parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.2"});
        parameters.setCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"});
        var response = client(parameters).send(HttpRequest.newBuilder(platform.uri("/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpClient client(SSLParameters parameters) {
        var builder = HttpClient.newBuilder().sslContext(platform.tls());
        if (parameters != null) {
            builder.sslParameters(parameters);
        }
        return builder.build();
    }
}
