package jp.kakehashi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.TppLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The portal's own chain: public front pages, its own sign-in kept apart from customers' and staff's. */
@PlatformTest
class PortalSecurityTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PortalAccounts accounts;
    @Autowired
    TppLifecycle lifecycle;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void frontPageWhenAnonymousThenShownWithApplyAndSignIn() throws Exception {
        mvc.perform(get("/portal")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/portal/apply")));
    }

    @Test
    void homeWhenNotSignedInThenSentToPortalSignIn() throws Exception {
        mvc.perform(get("/portal/home")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/portal/login"));
    }

    @Test
    void signInWhenPortalAccountThenHomeAndCustomerScreensStillAskForTheirOwnSignIn() throws Exception {
        String email = account();
        MockHttpSession session = PortalSignIn.signIn(mvc, email);

        mvc.perform(get("/portal/home").session(session)).andExpect(status().isOk());
        assertThat(session.getAttribute(PortalSecurity.CONTEXT_ATTRIBUTE)).isNotNull();
        assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
        mvc.perform(get("/connected-services").session(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInWhenCustomerCredentialsThenRefused() throws Exception {
        mvc.perform(post("/portal/login").with(csrf()).param("username", "yamada")
                .param("password", "Kakehashi#2026")).andExpect(redirectedUrl("/portal/login?error"));
    }

    @Test
    void signInWhenFiveWrongPasswordsThenLockedEvenForTheRightOne() throws Exception {
        String email = account();
        for (int i = 0; i < PortalPasswords.MAX_FAILURES; i++) {
            mvc.perform(post("/portal/login").with(csrf()).param("username", email).param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/portal/login?error"));
        }
        mvc.perform(post("/portal/login").with(csrf()).param("username", email).param("password", PortalSignIn.PASSWORD))
                .andExpect(redirectedUrl("/portal/login?locked"));
        mvc.perform(get("/portal/login").param("locked", "")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("30分間ログインできません")));
    }

    @Test
    void signInWhenUnknownAddressThenSameRefusalAsWrongPassword() throws Exception {
        mvc.perform(post("/portal/login").with(csrf()).param("username", "nobody-" + UUID.randomUUID() + "@x.jp")
                .param("password", "whatever")).andExpect(redirectedUrl("/portal/login?error"));
    }

    @Test
    void signInWhenWithoutCsrfTokenThenForbidden() throws Exception {
        mvc.perform(post("/portal/login").param("username", account()).param("password", PortalSignIn.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void signOutWhenSessionHoldsAnotherSignInThenOnlyThePortalsEnds() throws Exception {
        String email = account();
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", "a customer's sign-in");
        PortalSignIn.signIn(mvc, session, email);

        mvc.perform(post("/portal/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/portal/login?logout"));

        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getAttribute(PortalSecurity.CONTEXT_ATTRIBUTE)).isNull();
        assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo("a customer's sign-in");
    }

    @Test
    void homeWhenAccountAppliedThenEachSectionShowsForItsTpp() throws Exception {
        String email = account();
        String tppId = lifecycle.apply(PortalApplications.example(email));
        accounts.addTpp(email, tppId);
        MockHttpSession session = PortalSignIn.signIn(mvc, email);

        mvc.perform(get("/portal/home").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-tpp=\"" + tppId + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-status=\"APPLIED\"")));
    }

    @Test
    void signInWhenDemoApplicantThenHomeShowsItsApplicationAndItsScreening() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/portal/login").session(session).with(csrf())
                .param("username", "developer@sample-kakeibo.example.jp").param("password", "Kakehashi#Portal2026"))
                .andExpect(redirectedUrl("/portal/home"));
        mvc.perform(get("/portal/home").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-status=\"APPLIED\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-status=\"SCREENING\"")));
    }

    private String account() {
        return PortalSignIn.account(context, "dev");
    }
}
