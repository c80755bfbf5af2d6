package jp.kakehashi.incidentdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.Totp;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * C6, E6 on the console, signed in as the demo operator through the console's own sign-in (password, then TOTP): an
 * incident recorded from the form opens its page; a wrong form comes back with its message and what was typed; a
 * planned stop inside the notice period is refused on the page; an auditor may read but not record.
 */
@PlatformTest
class IncidentConsolePagesTest {

    private static final String PASSWORD = "Kakehashi#Staff2026";
    private static final String TOTP = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    @Autowired
    private jp.kakehashi.admin.StaffAccounts staffAccounts;

    @Autowired
    WebApplicationContext web;

    @Autowired
    Tpps tpps;

    @Autowired
    Incidents incidents;

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void recordWhenFormCompleteThenIncidentPageAndWhenTitleMissingThenFormBackWithWhatWasTyped() throws Exception {
        MockHttpSession operator = signIn("operator");
        String tppId = tpp();

        MockHttpServletResponse refused = mvc.perform(post("/console/incidents").session(operator).with(csrf())
                .param("tppId", tppId).param("kind", "UNAUTHORISED_ACCESS").param("severity", "HIGH")
                .param("title", "").param("description", "不審なアクセスが急増").param("beganAt", ""))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("件名を入力してください", "不審なアクセスが急増");
        assertThat(incidents.ofTpp(tppId)).isEmpty();

        MockHttpServletResponse recorded = mvc.perform(post("/console/incidents").session(operator).with(csrf())
                .param("tppId", tppId).param("kind", "UNAUTHORISED_ACCESS").param("severity", "HIGH")
                .param("title", "不正アクセスの疑い").param("description", "不審なアクセスが急増")
                .param("beganAt", "")).andReturn().getResponse();
        String page = recorded.getRedirectedUrl();
        assertThat(page).matches("/console/incidents/inc-[^?]+\\?done=reported");
        String shown = mvc.perform(get(page).session(operator)).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("不正アクセスの疑い", "data-status=\"OPEN\"");
        assertThat(incidents.ofTpp(tppId)).singleElement()
                .satisfies(incident -> assertThat(incident.reportedBy()).isNotBlank());
    }

    @Test
    void announceWhenPlannedStopInsideTheNoticePeriodThenRefusedOnThePageWithTheTypedValues() throws Exception {
        MockHttpSession operator = signIn("operator");
        LocalDateTime tomorrow = LocalDateTime.now(BusinessClock.TOKYO).plusDays(1).truncatedTo(ChronoUnit.MINUTES);

        var response = mvc.perform(post("/console/stops").session(operator).with(csrf()).param("api", "PAYMENT")
                .param("startsAt", tomorrow.toString()).param("endsAt", tomorrow.plusHours(2).toString())
                .param("reason", "勘定系システム更改")).andReturn().getResponse();
        String body = response.getStatus() + " " + response.getContentAsString();

        assertThat(body).contains("告知期間が足りません", "勘定系システム更改", "<option value=\"PAYMENT\" selected=\"selected\"");
    }

    @Test
    void recordWhenAuditorThenRefusedButTheListIsReadable() throws Exception {
        MockHttpSession auditor = signIn("auditor");

        int refused = mvc.perform(post("/console/incidents").session(auditor).with(csrf()).param("tppId", tpp())
                .param("kind", "OTHER").param("severity", "LOW").param("title", "t").param("description", "d")
                .param("beganAt", "")).andReturn().getResponse().getStatus();

        assertThat(refused).isEqualTo(403);
        var list = mvc.perform(get("/console/incidents").session(auditor)).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).doesNotContain("id=\"incident-form\"");
    }

    @Test
    void pagesWhenEnglishThenEveryTextFromTheBundleAndTheDashboardCountsOpenIncidents() throws Exception {
        MockHttpSession operator = signIn("operator");
        String tppId = tpp();
        mvc.perform(post("/console/incidents").session(operator).with(csrf()).param("tppId", tppId)
                .param("kind", "OUTAGE").param("severity", "LOW").param("title", "outage").param("description", "d")
                .param("beganAt", ""));
        String incidentId = incidents.ofTpp(tppId).getFirst().id();

        for (String path : new String[] { "/console/incidents", "/console/stops", "/console/incidents/" + incidentId }) {
            String page = mvc.perform(get(path + "?lang=en").session(operator)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).as(path).doesNotContain("??").contains("lang=\"en\"");
        }
        String dashboard = mvc.perform(get("/console").session(operator)).andReturn().getResponse()
                .getContentAsString();
        assertThat(dashboard).containsPattern("対応中のインシデント [1-9][0-9]* 件");
    }

    /** The console's sign-in; a TOTP code another test used in this step is refused, so the next step's is tried. */
    private MockHttpSession signIn(String demoLogin) throws Exception {
        String login = freshLike(demoLogin);
        var session = new MockHttpSession();
        mvc.perform(post("/console/login").session(session).with(csrf()).param("username", login)
                .param("password", PASSWORD));
        for (int round = 0; round < 3; round++) {
            long step = Instant.now().getEpochSecond() / 30;
            for (int ahead = 0; ahead <= 1; ahead++) {
                String code = Totp.codeAt(TOTP, Instant.ofEpochSecond((step + ahead) * 30));
                String next = mvc.perform(post("/console/login/otp").session(session).with(csrf()).param("code", code))
                        .andReturn().getResponse().getRedirectedUrl();
                if ("/console".equals(next)) {
                    return session;
                }
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(35))
                    .until(() -> Instant.now().getEpochSecond() / 30 > step);
        }
        throw new AssertionError("the console refused the second factor for " + login);
    }

    private String tpp() {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社画面試験", "Screen Test K.K.", "試験アプリ", "Test App", "代表 太郎",
                "東京都", "03-0000-0000", "info@tpp.example", null, null, TppStatus.ACTIVE, Set.of("accounts")));
        return tppId;
    }

    /**
     * A staff member of the same roles as the demo {@code login}, known only to this sign-in: a TOTP code works once
     * per account, and other tests of this JVM sign the demo staff in within the same 30 seconds.
     */
    private String freshLike(String login) {
        var demo = staffAccounts.findByLogin(login).orElseThrow();
        String fresh = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        staffAccounts.ensure(fresh, demo.displayName(), PASSWORD, TOTP, java.util.EnumSet.copyOf(demo.roles()));
        return fresh;
    }
}
