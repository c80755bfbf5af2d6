package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.audit.StaffAction;
import jp.kakehashi.audit.StaffActions;
import jp.kakehashi.shared.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's chain (C4) on the whole application: password then TOTP before any page, roles per path, CSRF, its
 * own session attribute, and sign-ins in the staff action log.
 */
@PlatformTest
class ConsoleSignInTest {

    static final String PASSWORD = "Kakehashi#Staff2026";
    static final String SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffActions actions;
    @Autowired
    StaffAccounts accounts;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void consoleWhenNotSignedInThenSentToTheConsoleSignIn() throws Exception {
        mvc.perform(get("/console/tpps")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/login"));
        mvc.perform(get("/console/login")).andExpect(status().isOk());
    }

    @Test
    void consoleWhenPasswordOnlyThenEveryPageButTheOtpPageSendsThere() throws Exception {
        MockHttpSession session = password("auditor");

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login/otp"));
        mvc.perform(get("/console/approvals").session(session)).andExpect(redirectedUrl("/console/login/otp"));
        mvc.perform(get("/console/login/otp").session(session)).andExpect(status().isOk());
        mvc.perform(post("/console/login/otp").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk());
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login/otp"));
    }

    @Test
    void consoleWhenBothFactorsThenDashboardWithNameAndSignInsLogged() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        MockHttpSession session = signIn("approver2");

        String page = mvc.perform(get("/console").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("承認 二郎").contains("承認者");
        assertThat(actions.latest(50)).filteredOn(a -> a.occurredAt().isAfter(before))
                .extracting(StaffAction::staffId, StaffAction::action, StaffAction::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("staff-approver2", "console.sign-in.password", "success"),
                        org.assertj.core.groups.Tuple.tuple("staff-approver2", "console.sign-in.second-factor",
                                "success"));
    }

    @Test
    void postWhenRoleLacksOrCsrfMissingThenForbiddenAndLogged() throws Exception {
        MockHttpSession reviewer = signIn("reviewer");

        mvc.perform(post("/console/approvals/req-x/decide").session(reviewer).with(csrf()).param("decision", "approve"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/approvals/req-x/withdraw").session(reviewer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/no-such-area/do").session(reviewer).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(actions.latest(10)).anySatisfy(action -> {
            assertThat(action.staffId()).isEqualTo("staff-reviewer");
            assertThat(action.target()).isEqualTo("/console/approvals/req-x/decide");
            assertThat(action.outcome()).isEqualTo("403");
        });
    }

    @Test
    void customerPagesWhenOnlyStaffSignedInThenStillAskForTheCustomerSignIn() throws Exception {
        MockHttpSession session = signIn("operator");

        mvc.perform(get("/connected-services").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
    }

    @Test
    void logoutWhenSignedInThenConsoleAsksForSignInAgainAndSignOutLogged() throws Exception {
        MockHttpSession session = signIn("operator");

        mvc.perform(post("/console/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/console/login?logout"));

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login"));
        assertThat(actions.latest(5)).extracting(StaffAction::action).contains("console.sign-out");
    }

    @Test
    void signInWhenPasswordWrongThenRefusedAndLogged() throws Exception {
        mvc.perform(post("/console/login").with(csrf()).param("username", "nobody").param("password", "x"))
                .andExpect(redirectedUrl("/console/login?error"));
        assertThat(actions.latest(5)).anySatisfy(action -> {
            assertThat(action.staffId()).isEqualTo("login:nobody");
            assertThat(action.outcome()).isEqualTo("failure");
        });
    }

    MockHttpSession password(String login) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/console/login").session(session).with(csrf()).param("username", login)
                .param("password", PASSWORD)).andExpect(redirectedUrl("/console/login/otp"));
        return session;
    }

    /** Password and TOTP; a step already used by another test of this JVM is skipped for the next one. */
    MockHttpSession signIn(String login) throws Exception {
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
