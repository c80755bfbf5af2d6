package jp.kakehashi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** C5: a connected TPP stops its own service from the portal, with a reason; only its own account can. */
@PlatformTest
class ServiceStopPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PortalAccounts accounts;
    @Autowired
    TppLifecycle lifecycle;
    @Autowired
    Tpps tpps;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void stopWhenReasonGivenThenSuspendedAtOnceByTheTpp() throws Exception {
        String email = account();
        String tppId = activeTppOf(email);
        MockHttpSession session = signedIn(email);
        mvc.perform(get("/portal/home").session(session))
                .andExpect(content().string(containsString("data-status=\"ACTIVE\"")))
                .andExpect(content().string(containsString(tppId + "-1")))
                .andExpect(content().string(containsString("/portal/tpps/" + tppId + "/stop")));

        mvc.perform(post("/portal/tpps/" + tppId + "/stop").session(session).with(csrf())
                .param("reason", "不正アクセスの疑い")).andExpect(redirectedUrl("/portal/home?stopped"));

        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.SUSPENDED);
        assertThat(lifecycle.history(tppId).getLast().requestedBy()).isEqualTo("tpp:" + email);
        assertThat(lifecycle.history(tppId).getLast().reason()).isEqualTo("不正アクセスの疑い");
    }

    @Test
    void stopWhenReasonMissingThenRefusedWithMessageAndStillActive() throws Exception {
        String email = account();
        String tppId = activeTppOf(email);
        MockHttpSession session = signedIn(email);
        mvc.perform(post("/portal/tpps/" + tppId + "/stop").session(session).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/portal/home"))
                .andExpect(flash().attribute("stopRefusal", "REASON_MISSING"));
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.ACTIVE);
    }

    @Test
    void stopWhenAnotherAccountsTppThenNotFoundAndNothingChanges() throws Exception {
        String tppId = activeTppOf(account());
        MockHttpSession stranger = signedIn(account());
        mvc.perform(post("/portal/tpps/" + tppId + "/stop").session(stranger).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.ACTIVE);
    }

    private String activeTppOf(String email) {
        String tppId = lifecycle.apply(PortalApplications.example(email));
        accounts.addTpp(email, tppId);
        lifecycle.startScreening(tppId, "reviewer-1");
        lifecycle.approve(tppId, Set.of("accounts"), new StaffDecision("ok", "reviewer-1", "approver-1"));
        lifecycle.activate(tppId, "operator-1");
        return tppId;
    }

    private MockHttpSession signedIn(String email) throws Exception {
        return PortalSignIn.signIn(mvc, email);
    }

    private String account() {
        return PortalSignIn.account(context, "stop");
    }
}
