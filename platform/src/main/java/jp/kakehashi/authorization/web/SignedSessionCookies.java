package jp.kakehashi.authorization.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import jp.kakehashi.authorization.keys.ServerSecrets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.web.http.CookieSerializer;

/**
 * Session cookies that the session table alone cannot make (C2). Spring Session JDBC keeps each session's id in
 * {@code spring_session.session_id} as it is, and the id is the bearer credential of a signed-in customer, TPP
 * developer or staff member (with their second factor): whoever reads the table, a backup or a replica could take over
 * every live session. The cookie therefore carries the id with an HMAC of it under a key derived from the master key
 * ({@link ServerSecrets}, the same on every node), and only a cookie whose HMAC matches names a session; the table
 * keeps no secret a cookie could be made from. Boot's cookie settings (name, Secure, HttpOnly, SameSite) stay those of
 * the serializer it wraps. Sessions whose cookie predates this simply end once.
 */
class SignedSessionCookies implements CookieSerializer {

    private static final String PURPOSE = "session-cookie";

    private final CookieSerializer cookies;
    private final ServerSecrets secrets;

    SignedSessionCookies(CookieSerializer cookies, ServerSecrets secrets) {
        this.cookies = cookies;
        this.secrets = secrets;
    }

    /** Wraps the cookie serializer Spring Boot configures, whatever its settings. */
    static BeanPostProcessor wrapping(ObjectProvider<ServerSecrets> secrets) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CookieSerializer serializer && !(bean instanceof SignedSessionCookies)
                        ? new SignedSessionCookies(serializer, secrets.getObject()) : bean;
            }
        };
    }

    @Override
    public void writeCookieValue(CookieValue value) {
        String id = value.getCookieValue();
        if (id == null || id.isEmpty()) {
            // the session ended: the cookie is cleared as it is
            cookies.writeCookieValue(value);
            return;
        }
        CookieValue signed = new CookieValue(value.getRequest(), value.getResponse(), id + "." + mac(id));
        signed.setCookieMaxAge(value.getCookieMaxAge());
        cookies.writeCookieValue(signed);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return cookies.readCookieValues(request).stream().map(this::verifiedId).filter(id -> id != null).toList();
    }

    private String verifiedId(String value) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String id = value.substring(0, dot);
        return MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)) ? id : null;
    }

    private String mac(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.mac(PURPOSE, id));
    }
}
