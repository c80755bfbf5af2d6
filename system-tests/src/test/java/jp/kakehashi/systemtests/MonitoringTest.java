package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/**
 * What the bank's operations see: health probes for the load balancer and Prometheus metrics, on the management
 * port only; the port TPPs and customers reach shows neither.
 */
class MonitoringTest {

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(platform.tls()).build();

    @Test
    void prometheusWhenScrapedOnTheManagementPortThenServesRequestAndPoolMetrics() throws Exception {
        platform.bean(Environment.class); // the platform is up
        http.send(HttpRequest.newBuilder(platform.uri("/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.discarding());

        var metrics = http.send(HttpRequest.newBuilder(management("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
    }

    @Test
    void healthWhenProbedOnTheManagementPortThenReadinessAndLivenessAreUp() throws Exception {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            var health = http.send(HttpRequest.newBuilder(management(probe)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void actuatorWhenAskedOnThePublicPortThenNotThere() throws Exception {
        var metrics = http.send(HttpRequest.newBuilder(platform.uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isIn(401, 403, 404);
        assertThat(metrics.body()).doesNotContain("jvm_memory");
    }

    private URI management(String path) {
        String port = platform.bean(Environment.class).getProperty("local.management.port");
        assertThat(port).as("the management port the platform bound").isNotBlank();
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
