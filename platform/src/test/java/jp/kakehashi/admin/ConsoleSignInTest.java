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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's chain (C4) on the whole application: password then TOTP before any page, roles per path, CSRF, its
 * own session attribute, and sign-ins in the staff action log.
 */
@PlatformTest
class ConsoleSignInTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffActions actions;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    ConsoleMvc console;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        console = new ConsoleMvc(context);
        mvc = console.mvc;
    }

    @Test
    void consoleWhenNotSignedInThenSentToTheConsoleSignIn() throws Exception {
        mvc.perform(get("/console/tpps")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/login"));
        String japanese = mvc.perform(get("/console/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String english = mvc.perform(get("/console/login").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(japanese).contains("行員ログイン").contains("行員専用").contains("/css/console.css");
        assertThat(english).contains("Staff sign-in").contains("STAFF ONLY");
    }

    @Test
    void consoleWhenPasswordOnlyThenEveryPageButTheOtpPageSendsThere() throws Exception {
        MockHttpSession session = password(fresh("監査 一時", StaffRole.AUDITOR));

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
        StaffMember approver = ConsoleMvc.fresh(accounts, "承認 三郎", StaffRole.APPROVER);
        MockHttpSession session = signIn(approver.login());

        String page = mvc.perform(get("/console").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("承認 三郎").contains("承認者");
        assertThat(actions.latest(50)).filteredOn(a -> a.occurredAt().isAfter(before))
                .extracting(StaffAction::staffId, StaffAction::action, StaffAction::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple(approver.id(), "console.sign-in.password", "success"),
                        org.assertj.core.groups.Tuple.tuple(approver.id(), "console.sign-in.second-factor",
                                "success"));
    }

    @Test
    void postWhenRoleLacksOrCsrfMissingThenForbiddenAndLogged() throws Exception {
        StaffMember member = ConsoleMvc.fresh(accounts, "審査 一時", StaffRole.REVIEWER);
        MockHttpSession reviewer = signIn(member.login());

        mvc.perform(post("/console/approvals/req-x/decide").session(reviewer).with(csrf()).param("decision", "approve"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/approvals/req-x/withdraw").session(reviewer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/no-such-area/do").session(reviewer).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(actions.latest(10)).anySatisfy(action -> {
            assertThat(action.staffId()).isEqualTo(member.id());
            assertThat(action.target()).isEqualTo("/console/approvals/req-x/decide");
            assertThat(action.outcome()).isEqualTo("403");
        });
    }

    @Test
    void customerPagesWhenOnlyStaffSignedInThenStillAskForTheCustomerSignIn() throws Exception {
        MockHttpSession session = signIn(ConsoleMvc.fresh(accounts, "運用 一時", StaffRole.OPERATOR).login());

        mvc.perform(get("/connected-services").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
    }

    @Test
    void logoutWhenSignedInThenConsoleAsksForSignInAgainAndSignOutLogged() throws Exception {
        MockHttpSession session = signIn(ConsoleMvc.fresh(accounts, "運用 一時", StaffRole.OPERATOR).login());

        mvc.perform(post("/console/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/console/login?logout"));

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login"));
        assertThat(actions.latest(5)).extracting(StaffAction::action).contains("console.sign-out");
    }

    @Test
    void consoleWhenTheAccountWasDeactivatedAfterSignInThenTheSessionEndsAndItIsLogged() throws Exception {
        StaffMember approver = ConsoleMvc.fresh(accounts, "承認 退職", StaffRole.APPROVER);
        MockHttpSession session = signIn(approver.login());
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());

        jdbc.sql("update staff_account set active = false where id = ?").param(approver.id()).update();

        mvc.perform(post("/console/approvals/req-x/decide").session(session).with(csrf()).param("decision", "approve"))
                .andExpect(redirectedUrl("/console/login?ended"));
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login"));
        assertThat(mvc.perform(get("/console/login").param("ended", "")).andReturn().getResponse()
                .getContentAsString()).contains("アカウントが無効になったため");
        assertThat(actions.latest(10)).extracting(StaffAction::staffId, StaffAction::action)
                .contains(org.assertj.core.groups.Tuple.tuple(approver.id(), "console.session-ended"));
    }

    @Test
    void consoleWhenARoleWasTakenAwayAfterSignInThenItsPagesAreForbiddenAtOnce() throws Exception {
        StaffMember member = ConsoleMvc.fresh(accounts, "承認 兼 審査", StaffRole.APPROVER, StaffRole.REVIEWER);
        MockHttpSession session = signIn(member.login());

        jdbc.sql("update staff_account set roles = '{REVIEWER}' where id = ?").param(member.id()).update();

        mvc.perform(post("/console/approvals/req-x/decide").session(session).with(csrf()).param("decision", "approve"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
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

    @Test
    void secondFactorWhenWrongFiveTimesThenLockedEvenForTheRightCodeAndThePassword() throws Exception {
        StaffMember member = ConsoleMvc.fresh(accounts, "運用 施錠", StaffRole.OPERATOR);
        MockHttpSession session = password(member.login());
        String wrong = wrongCode();
        for (int i = 0; i < StaffAccounts.MAX_FAILURES; i++) {
            mvc.perform(post("/console/login/otp").session(session).with(csrf()).param("code", wrong))
                    .andExpect(status().isOk());
        }

        String page = mvc.perform(post("/console/login/otp").session(session).with(csrf())
                .param("code", jp.kakehashi.shared.Totp.codeAt(ConsoleMvc.SECRET, Instant.now())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("ロックされています");
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login/otp"));
        mvc.perform(post("/console/login").with(csrf()).param("username", member.login())
                .param("password", ConsoleMvc.PASSWORD)).andExpect(redirectedUrl("/console/login?locked"));
        assertThat(actions.latest(3)).extracting(StaffAction::staffId, StaffAction::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("login:" + member.login(), "locked"));
    }

    private static String wrongCode() {
        Instant now = Instant.now();
        var valid = java.util.List.of(-60, -30, 0, 30, 60).stream()
                .map(s -> jp.kakehashi.shared.Totp.codeAt(ConsoleMvc.SECRET, now.plusSeconds(s))).toList();
        for (int candidate = 123456;; candidate = (candidate + 111111) % 1_000_000) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    MockHttpSession password(String login) throws Exception {
        return console.password(login);
    }

    String fresh(String name, StaffRole role) {
        return ConsoleMvc.fresh(accounts, name, role).login();
    }

    MockHttpSession signIn(String login) throws Exception {
        return console.signIn(login);
    }
}
