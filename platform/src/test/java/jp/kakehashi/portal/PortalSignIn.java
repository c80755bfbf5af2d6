package jp.kakehashi.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Portal accounts of a test's own and their sign-in through MockMvc, for the portal's tests in every module (the
 * portal's sections come from several).
 */
public final class PortalSignIn {

    /** The password of every account {@link #account} opens. */
    public static final String PASSWORD = "Portal#2026";

    private PortalSignIn() {
    }

    /** A new account only this test knows, e.g. {@code dev-…@example.jp}, holding the TPPs given; its e-mail. */
    public static String account(ApplicationContext context, String prefix, String... tppIds) {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        PasswordEncoder passwords = context.getBean(PasswordEncoder.class);
        String email = prefix + "-" + UUID.randomUUID() + "@example.jp";
        if (!accounts.open(email, passwords.encode(PASSWORD), Instant.now())) {
            throw new IllegalStateException("account not opened: " + email);
        }
        for (String tppId : tppIds) {
            accounts.addTpp(email, tppId);
        }
        return email;
    }

    /** Signs the account in, in a new session, and checks the portal's home follows. */
    public static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
        return signIn(mvc, new MockHttpSession(), email);
    }

    /** Signs the account in within the session given (which may hold other sign-ins), and checks the home follows. */
    public static MockHttpSession signIn(MockMvc mvc, MockHttpSession session, String email) throws Exception {
        mvc.perform(post("/portal/login").session(session).with(csrf()).param("username", email)
                .param("password", PASSWORD)).andExpect(redirectedUrl("/portal/home"));
        return session;
    }
}
