package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C2: a signed-in session cannot be taken over with what the database holds. The session table keeps the session id;
 * a cookie made from it alone is no session, while the browser's own cookie (the id with its HMAC under the master
 * key) is, and keeps Boot's cookie settings.
 */
class SessionCookieTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void sessionWhenTheCookieIsMadeFromTheStoredSessionIdThenItIsNotSignedIn() throws Exception {
        String loginId = CustomerAgent.registerCustomer(platform, "INDIVIDUAL", "Kakehashi#2026",
                CustomerAgent.DEMO_TOTP_SECRET);
        CustomerAgent customer = new CustomerAgent(platform);
        customer.signIn(loginId, "Kakehashi#2026");
        assertThat(customer.get(platform.uri("/connected-services")).statusCode()).isEqualTo(200);
        String customerId = "T" + loginId.substring("test-".length());
        String storedId = platform.bean(JdbcClient.class).sql("""
                select session_id from spring_session where principal_name in (?, ?)
                order by last_access_time desc limit 1""").params(customerId, loginId).query(String.class).single();

        HttpClient stranger = HttpClient.newBuilder().sslContext(platform.tls())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> forged = stranger.send(HttpRequest.newBuilder(platform.uri("/connected-services"))
                .header("Cookie", "SESSION=" + Base64.getEncoder().encodeToString(storedId.trim()
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> login = stranger.send(HttpRequest.newBuilder(platform.uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
    }
}
