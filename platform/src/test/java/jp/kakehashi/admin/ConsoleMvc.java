package jp.kakehashi.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import jp.kakehashi.shared.Totp;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc on the whole application with the demo staff's sign-in (password, then TOTP), for the console's tests in
 * every module.
 */
public final class ConsoleMvc {

    static final String PASSWORD = "Kakehashi#Staff2026";
    static final String SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    public final MockMvc mvc;

    public ConsoleMvc(WebApplicationContext context) {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /**
     * A staff member only this test knows, with the demo password and TOTP secret: the demo staff's TOTP steps are
     * used up quickly when several tests sign them in (a code works once).
     */
    static StaffMember fresh(StaffAccounts accounts, String displayName, StaffRole first, StaffRole... more) {
        return accounts.ensure("t-" + UUID.randomUUID().toString().substring(0, 8), displayName, PASSWORD, SECRET,
                EnumSet.of(first, more));
    }

    /**
     * A staff member of the same name and roles as the demo {@code login}, known only to this sign-in: a TOTP code
     * works once per account, and other tests of this JVM sign the demo staff in within the same 30 seconds.
     */
    public static String freshLike(StaffAccounts accounts, String login) {
        var demo = accounts.findByLogin(login).orElseThrow();
        return accounts.ensure("t-" + UUID.randomUUID().toString().substring(0, 8), demo.displayName(), PASSWORD,
                SECRET, EnumSet.copyOf(demo.roles())).login();
    }

    /**
     * A staff member of one role, signed in with both factors without the sign-in pages, for tests of what comes after
     * them (the password is never used).
     */
    static RequestPostProcessor signedIn(StaffAccounts accounts, String login, StaffRole role) {
        StaffMember member = accounts.ensure(login, login, "unused-password-1", SECRET, EnumSet.of(role));
        return SecurityMockMvcRequestPostProcessors.authentication(StaffAuthentication.withSecondFactor(member));
    }

    MockHttpSession password(String login) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/console/login").session(session).with(csrf()).param("username", login)
                .param("password", PASSWORD)).andExpect(redirectedUrl("/console/login/otp"));
        return session;
    }

    /**
     * Password and TOTP. A code is accepted once and never for a step older than the last one used, and other tests
     * of this JVM sign the same demo staff in: the steps the bank accepts are tried oldest first (a used code does
     * not count towards the lockout).
     */
    public MockHttpSession signIn(String login) throws Exception {
        MockHttpSession session = password(login);
        long step = Instant.now().getEpochSecond() / 30;
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            String location = mvc.perform(post("/console/login/otp").session(session).with(csrf())
                    .param("code", Totp.codeAt(SECRET, Instant.ofEpochSecond(candidate * 30)))).andReturn()
                    .getResponse().getRedirectedUrl();
            if ("/console".equals(location)) {
                return session;
            }
        }
        throw new AssertionError("no TOTP step left for " + login);
    }
}
