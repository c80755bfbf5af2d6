package jp.kakehashi.authorization.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.kakehashi.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

/**
 * C2: the session id stored in {@code spring_session} is not enough to make a session cookie; the cookie carries an
 * HMAC under the master key, and one without it (made from the table) or with another names no session.
 */
@PlatformTest
class SignedSessionCookiesTest {

    private static final String SESSION_ID = "5b2e1c7a-3f0d-4c55-9a61-0d6f3c1e9b42";

    @Autowired
    CookieSerializer cookies;

    @Test
    void readCookieValuesWhenTheCookieIsTheBanksThenItNamesTheSessionElseNothing() {
        assertThat(cookies).isInstanceOf(SignedSessionCookies.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.writeCookieValue(new CookieSerializer.CookieValue(new MockHttpServletRequest(), response, SESSION_ID));
        Cookie written = response.getCookie("SESSION");
        assertThat(written).isNotNull();
        assertThat(decoded(written.getValue())).startsWith(SESSION_ID + ".").isNotEqualTo(SESSION_ID);

        assertThat(cookies.readCookieValues(requestWith(written.getValue()))).containsExactly(SESSION_ID);
        assertThat(cookies.readCookieValues(requestWith(encoded(SESSION_ID)))).as("the id from the table alone")
                .isEmpty();
        assertThat(cookies.readCookieValues(requestWith(encoded(SESSION_ID + ".forged")))).isEmpty();
        String other = decoded(written.getValue()).replace(SESSION_ID, "6c3f2d8b-4a1e-4d66-8b72-1e7a4d2f0c53");
        assertThat(cookies.readCookieValues(requestWith(encoded(other)))).as("another id with this one's HMAC")
                .isEmpty();
    }

    private static MockHttpServletRequest requestWith(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("SESSION", value));
        return request;
    }

    private static String encoded(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
