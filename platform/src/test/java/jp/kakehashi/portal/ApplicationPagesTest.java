package jp.kakehashi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.TppApplications;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.screening.Checklist;
import jp.kakehashi.tpp.screening.ChecklistItem;
import jp.kakehashi.tpp.screening.Screening;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A1: the application form checks every field, keeps what was typed, and records application and answers. */
@PlatformTest
class ApplicationPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Checklist checklist;
    @Autowired
    PortalAccounts accounts;
    @Autowired
    Tpps tpps;
    @Autowired
    TppApplications applications;
    @Autowired
    Screening screening;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void formWhenOpenedThenShowsEveryCurrentChecklistItem() throws Exception {
        var page = mvc.perform(get("/portal/apply")).andExpect(status().isOk());
        for (ChecklistItem item : checklist.current()) {
            page.andExpect(content().string(containsString("data-item=\"" + item.code() + "\"")));
        }
    }

    @Test
    void submitWhenCompleteThenAppliedSignedInAndAnswersKept() throws Exception {
        String email = email();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(complete(email).session(session)).andExpect(redirectedUrl("/portal/home?applied"));

        List<String> tppIds = accounts.tppIdsOf(email);
        assertThat(tppIds).hasSize(1);
        assertThat(tpps.find(tppIds.getFirst()).orElseThrow().status()).isEqualTo(TppStatus.APPLIED);
        var application = applications.find(tppIds.getFirst()).orElseThrow();
        assertThat(application.redirectUris()).containsExactly("https://app.example.jp/cb");
        assertThat(application.incidentContacts()).hasSize(1);
        assertThat(screening.file(tppIds.getFirst()).orElseThrow().answers()).hasSize(checklist.current().size());
        mvc.perform(get("/portal/home").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-status=\"APPLIED\"")));
    }

    @Test
    void submitWhenFieldsMissingThenFormComesBackWithMessagesAndTypedValues() throws Exception {
        String email = email();
        long first = checklist.current().getFirst().id();
        mvc.perform(complete(email, "legalName", "", "evidence[" + first + "]", "",
                        "redirectUris", "http://app.example.jp/cb"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-error-for=\"legalName\"")))
                .andExpect(content().string(containsString("data-error-for=\"evidence[" + first + "]\"")))
                .andExpect(content().string(containsString("data-error-for=\"redirectUris\"")))
                .andExpect(content().string(containsString("value=\"代表 太郎\"")))
                .andExpect(content().string(containsString("http://app.example.jp/cb")))
                .andExpect(content().string(containsString("回答 " + first)))
                .andExpect(content().string(not(containsString("Portal#2026-secret"))));
        assertThat(accounts.find(email)).isEmpty();
    }

    @Test
    void submitWhenJwksHoldsPrivateKeyThenRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        mvc.perform(complete(email(), "jwks", new JWKSet(key).toString(false)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-error-for=\"jwks\"")));
    }

    @Test
    void submitWhenAccountExistsWithAnotherPasswordThenRefusedAndNothingRecorded() throws Exception {
        String email = email();
        mvc.perform(complete(email)).andExpect(redirectedUrl("/portal/home?applied"));
        mvc.perform(complete(email, "password", "another-password-1", "passwordConfirmation",
                "another-password-1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-error-for=\"email\"")));
        assertThat(accounts.tppIdsOf(email)).hasSize(1);
    }

    @Test
    void submitWhenWrongGuessesLockTheAccountThenTheRightPasswordIsRefusedTooWithTheSameAnswer() throws Exception {
        String email = email();
        String address = address();
        accounts.open(email, encoder.encode("Portal#2026-secret"), java.time.Instant.now());
        String wrong = null;
        for (int guess = 1; guess < PortalPasswords.MAX_FAILURES; guess++) {
            wrong = mvc.perform(complete(email, "password", "guess-password-" + guess, "passwordConfirmation",
                    "guess-password-" + guess).with(from(address))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
        }
        // the guesses on the form count: one more wrong sign-in locks the account
        mvc.perform(post("/portal/login").with(csrf()).param("username", email).param("password", "guess-5"))
                .andExpect(redirectedUrl("/portal/login?error"));
        mvc.perform(post("/portal/login").with(csrf()).param("username", email).param("password",
                "Portal#2026-secret")).andExpect(redirectedUrl("/portal/login?locked"));

        String right = mvc.perform(complete(email).with(from(address))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(accounts.tppIdsOf(email)).isEmpty();
        assertThat(wrong).contains("入力されたパスワードで申請できません");
        assertThat(right).contains("入力されたパスワードで申請できません");
    }

    @Test
    void submitWhenOneAccountAppliesTooOftenWithinTheHourThenRefusedAndNothingRecorded() throws Exception {
        String email = email();
        for (int i = 0; i < 5; i++) {
            mvc.perform(complete(email).with(from(address()))).andExpect(redirectedUrl("/portal/home?applied"));
        }

        mvc.perform(complete(email).with(from(address()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("短時間に多くの申請が送られたため")));
        assertThat(accounts.tppIdsOf(email)).hasSize(5);
    }

    @Test
    void submitWhenOneAddressAppliesTooOftenWithinTheHourThenRefusedAndNothingRecorded() throws Exception {
        String address = address();
        for (int i = 0; i < 20; i++) {
            mvc.perform(complete(email()).with(from(address))).andExpect(redirectedUrl("/portal/home?applied"));
        }
        String last = email();

        mvc.perform(complete(last).with(from(address))).andExpect(status().isOk())
                .andExpect(content().string(containsString("短時間に多くの申請が送られたため")));
        assertThat(accounts.find(last)).isEmpty();
    }

    @Test
    void submitWhenSameAccountAppliesAgainThenSecondTppIsItsToo() throws Exception {
        String email = email();
        mvc.perform(complete(email)).andExpect(redirectedUrl("/portal/home?applied"));
        mvc.perform(complete(email)).andExpect(redirectedUrl("/portal/home?applied"));
        assertThat(accounts.tppIdsOf(email)).hasSize(2);
    }

    private MockHttpServletRequestBuilder complete(String email, String... overrides) throws Exception {
        String jwks = new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("k1").generate().toPublicJWK()).toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.putAll(Map.of("email", email, "password", "Portal#2026-secret",
                "passwordConfirmation", "Portal#2026-secret", "legalName", "株式会社申込テスト",
                "legalNameEn", "Apply Test K.K.", "representative", "代表 太郎", "address", "東京都中央区1-1-1",
                "contactPhone", "03-1234-5678", "contactEmail", "support@app.example.jp"));
        fields.putAll(Map.of("inquiryUrl", "https://app.example.jp/inquiry",
                "registrationNumber", "関東財務局長（電代）第5号", "serviceName", "申込テスト家計簿",
                "serviceNameEn", "Apply Test", "redirectUris", "https://app.example.jp/cb", "keyType", "JWKS",
                "jwks", jwks, "compensationTerms", "お客さまに過失がない損害は当社が補償します。"));
        fields.putAll(Map.of("contacts[0].name", "連絡 一郎", "contacts[0].role", "CISO",
                "contacts[0].email", "ciso@app.example.jp", "contacts[0].phone", "03-1234-5679"));
        for (ChecklistItem item : checklist.current()) {
            fields.put("answers[" + item.id() + "]", "回答 " + item.id());
            fields.put("evidence[" + item.id() + "]", "資料 " + item.id());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        var request = post("/portal/apply").with(csrf()).param("apiClasses", "READ")
                .param("scopes", "accounts", "balances");
        fields.forEach(request::param);
        checklist.current().forEach(item -> request.param("itemIds", String.valueOf(item.id())));
        return request;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A client address of its own, so the per-address limit counts only this test's applications. */
    private static String address() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String email() {
        return "apply-" + UUID.randomUUID() + "@example.jp";
    }
}
