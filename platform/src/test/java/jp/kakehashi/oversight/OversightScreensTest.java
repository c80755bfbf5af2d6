package jp.kakehashi.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.admin.ConsoleMvc;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.risk.RiskSignals;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.chain.ChainedParties;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import jp.kakehashi.portal.PortalSignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The oversight screens on the whole application (A4, A5, A7, E5, F2, charts): each records through the console with
 * the roles it needs, refuses bad input with its message while keeping what was typed, and shows what is due.
 */
@PlatformTest
class OversightScreensTest {

    private static final String REGISTRATION = "関東財務局長（電代）第77777号";
    // one sign-in per account for the whole class: a TOTP step is accepted once per account
    private static final Map<String, MockHttpSession> SESSIONS = new HashMap<>();

    @Autowired
    private jp.kakehashi.admin.StaffAccounts staffAccounts;

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tpps tpps;
    @Autowired
    ChainedParties chains;
    @Autowired
    TppMonitoring monitoring;
    @Autowired
    ExecutionLogRecords log;
    ConsoleMvc console;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        console = new ConsoleMvc(context);
        mvc = console.mvc;
    }

    @Test
    void chainPageWhenOperatorChoosesApprovalAndApproverApprovesThenThePartyIsAllowedForReads() throws Exception {
        String tpp = tpp();
        mvc.perform(post("/console/tpps/{id}/chain/handling", tpp).session(as("operator")).with(csrf())
                .param("apiClass", "READ").param("handling", "APPROVAL"))
                .andExpect(redirectedUrl("/console/tpps/" + tpp + "/chain"));
        mvc.perform(post("/console/tpps/{id}/chain/parties", tpp).session(as("operator")).with(csrf())
                .param("partyId", "partner-1").param("name", "株式会社連鎖").param("apiClasses", "READ"))
                .andExpect(redirectedUrl("/console/tpps/" + tpp + "/chain"));
        mvc.perform(post("/console/tpps/{id}/chain/parties/partner-1/approve", tpp).session(as("operator"))
                .with(csrf())).andExpect(status().isForbidden());

        mvc.perform(post("/console/tpps/{id}/chain/parties/partner-1/approve", tpp).session(as("approver"))
                .with(csrf())).andExpect(redirectedUrl("/console/tpps/" + tpp + "/chain"));

        assertThat(chains.decide(tpp, "partner-1", ApiClass.READ).allowed()).isTrue();
        assertThat(chains.decide(tpp, "partner-1", ApiClass.PAYMENT).allowed()).isFalse();
        assertThat(page("/console/tpps/" + tpp + "/chain", "auditor")).contains("株式会社連鎖").contains("参照系: 許可")
                .contains("拒否（取扱い未設定）");
    }

    @Test
    void chainPageWhenConditionsChosenWithoutTextOrIdMalformedThenRefusedWithMessageAndInputKept() throws Exception {
        String tpp = tpp();
        String conditions = mvc.perform(post("/console/tpps/{id}/chain/handling", tpp).session(as("operator"))
                .with(csrf()).param("apiClass", "PAYMENT").param("handling", "CONDITIONS").param("conditions", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String malformed = mvc.perform(post("/console/tpps/{id}/chain/parties", tpp).session(as("operator"))
                .with(csrf()).param("partyId", "bad id!").param("name", "入力した名称").param("apiClasses", "READ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(conditions).contains("条件の内容を入力してください");
        assertThat(chains.agreement(tpp, ApiClass.PAYMENT)).isEmpty();
        assertThat(malformed).contains("識別子は英数字で始まる").contains("value=\"bad id!\"").contains("入力した名称");
        assertThat(chains.of(tpp)).isEmpty();
    }

    @Test
    void monitoringPageWhenFrequencyInvalidThenKeptAndWhenAgreedLongAgoThenOverdueOnDashboard() throws Exception {
        String tpp = tpp();
        String refused = mvc.perform(agreement(tpp, "0").session(as("reviewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("範囲外の値です").contains("書面とヒアリング");
        assertThat(monitoring.agreement(tpp)).isEmpty();

        mvc.perform(agreement(tpp, "6").session(as("reviewer")))
                .andExpect(redirectedUrl("/console/monitoring/tpps/" + tpp));

        assertThat(monitoring.nextReviewDue(tpp)).contains(monitoring.today().minusMonths(7).plusMonths(6));
        assertThat(page("/console", "reviewer")).contains("定期レビューの期限を過ぎています");
        assertThat(page("/console/monitoring/tpps/" + tpp, "auditor")).contains("期限超過");
        assertThat(page("/console/monitoring", "auditor")).contains("data-tpp=\"" + tpp + "\"");
        assertThat(page("/console/monitoring/tpps/" + tpp + "?lang=en", "auditor")).contains("Overdue")
                .contains("Every 6 months");
    }

    @Test
    void monitoringPageWhenReviewFindsIssueThenRequestAnsweredAndClosedAndAuditorCannotChangeIt() throws Exception {
        String tpp = tpp();
        mvc.perform(post("/console/monitoring/tpps/{id}/reviews", tpp).session(as("reviewer")).with(csrf())
                .param("reviewedOn", monitoring.today().toString()).param("findings", "ログ保存期間が不足")
                .param("outcome", "IMPROVEMENT_REQUESTED")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/monitoring/tpps/{id}/requests", tpp).session(as("reviewer")).with(csrf())
                .param("finding", "ログ保存期間を1年以上に").param("dueOn", monitoring.today().plusDays(14).toString()))
                .andExpect(status().is3xxRedirection());
        long request = monitoring.requests(tpp).getFirst().id();
        mvc.perform(post("/console/monitoring/tpps/{id}/requests/{r}/close", tpp, request).session(as("auditor"))
                .with(csrf())).andExpect(status().isForbidden());

        mvc.perform(post("/console/monitoring/tpps/{id}/requests/{r}/answer", tpp, request).session(as("reviewer"))
                .with(csrf()).param("answer", "保存期間を13か月に変更")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/monitoring/tpps/{id}/requests/{r}/close", tpp, request).session(as("reviewer"))
                .with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(monitoring.request(request).orElseThrow().status().name()).isEqualTo("CLOSED");
        assertThat(page("/console/monitoring/tpps/" + tpp, "auditor")).contains("保存期間を13か月に変更").contains("完了");
    }

    @Test
    void assessmentsPageWhenUnknownIssuerThenRefusedWithTextKeptAndOwnExportShownVerified() throws Exception {
        String tpp = tpp();
        String foreign = foreignRecord();
        String refused = mvc.perform(post("/console/monitoring/tpps/{id}/assessments/import", tpp)
                .session(as("reviewer")).with(csrf()).param("jws", foreign)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("発行元が信頼済みの銀行として登録されていません").contains(foreign);

        mvc.perform(post("/console/monitoring/tpps/{id}/assessments/export", tpp).session(as("reviewer"))
                .with(csrf()).param("kind", "MONITORING").param("assessedOn", monitoring.today().toString())
                .param("outcome", "PASSED").param("summary", "指摘なし")).andExpect(status().isForbidden());
        mvc.perform(post("/console/monitoring/tpps/{id}/assessments/export", tpp).session(as("approver"))
                .with(csrf()).param("kind", "MONITORING").param("assessedOn", monitoring.today().toString())
                .param("outcome", "PASSED").param("summary", "指摘なし")).andExpect(status().is3xxRedirection());

        assertThat(page("/console/monitoring/tpps/" + tpp + "/assessments", "auditor")).contains("当行が発行")
                .contains("検証済み").contains("指摘なし");
        assertThat(mvc.perform(get("/assessments/jwks.json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("\"kty\":\"EC\"").doesNotContain("\"d\"");
    }

    @Test
    void capacityPageWhenInsuranceWithoutInsurerThenRefusedAndWhenRecordedThenJudged() throws Exception {
        String tpp = tpp();
        assertThat(page("/console", "operator")).contains(tppName(tpp) + ": 有効な補償能力");
        String refused = mvc.perform(capacity(tpp, "").session(as("operator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("入力してください").contains("CY-1");

        mvc.perform(capacity(tpp, "架空損害保険株式会社").session(as("operator")))
                .andExpect(redirectedUrl("/console/monitoring/tpps/" + tpp + "/capacity"));

        assertThat(page("/console/monitoring/tpps/" + tpp + "/capacity", "auditor")).contains("架空損害保険株式会社")
                .contains("100,000,000").contains("有効");
    }

    @Test
    void chartsPageWhenTppCalledThenSvgBarsAndTableCountCallsAndRejections() throws Exception {
        String tpp = tpp();
        var signals = new RiskSignals(UUID.randomUUID(), true, null, null, null, null, "127.0.0.1", Set.of());
        for (int status : new int[] {200, 200, 403}) {
            log.append(new ExecutionLogRecord(null, Instant.now().minusSeconds(60), "C0001", tpp, "client-x", null,
                    "GET /v1/accounts", null, status, status == 200 ? null : "CHAINED_PARTY_NOT_ALLOWED", 10,
                    signals, null));
        }

        String page = page("/console/monitoring/charts", "auditor");

        assertThat(page).contains("data-tpp=\"" + tpp + "\"").contains("<svg").contains("呼出し 3 件、うち拒否 1 件、エラー 0 件");
        assertThat(page("/console/monitoring/charts?range=month&lang=en", "auditor")).contains("3 calls, 1 rejected");
    }

    @Test
    void demoDataWhenSandboxStartedThenTheDemoTppHasOverdueMonitoringAndAVerifiedPeerBankAssessment() throws Exception {
        String tpp = "tpp-demo-fintech";

        assertThat(page("/console", "reviewer")).contains("株式会社デモフィンテック: 定期レビューの期限を過ぎています")
                .contains("株式会社デモフィンテック: 回答期限を過ぎた改善要請が 1 件あります");
        assertThat(page("/console/monitoring/tpps/" + tpp + "/assessments", "auditor")).contains("みなと銀行（デモ）")
                .contains("検証済み（鍵 minato-demo-1）").contains("架け橋銀行");
        assertThat(page("/console/tpps/" + tpp + "/chain?lang=en", "auditor")).contains("kakeibo-partner")
                .contains("Read API: allowed").contains("refused (not approved)");
    }

    @Test
    void portalWhenTppRegistersAChainedPartyThenBadInputComesBackKeptAndAValidOneIsRegisteredWithItsNotice()
            throws Exception {
        String tpp = tpp();
        String other = tpp();
        String email = PortalSignIn.account(context, "chain", tpp);
        MockHttpSession portal = PortalSignIn.signIn(mvc, email);

        var refused = mvc.perform(post("/portal/tpps/{id}/chained-parties", tpp).session(portal).with(csrf())
                .param("partyId", "").param("name", "入力した社名").param("apiClasses", "READ"))
                .andExpect(redirectedUrl("/portal/home")).andReturn();
        String home = mvc.perform(get("/portal/home").session(portal).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("API連鎖接続先").contains("入力してください").contains("入力した社名");

        mvc.perform(post("/portal/tpps/{id}/chained-parties", tpp).session(portal).with(csrf())
                .param("partyId", "portal-partner").param("name", "株式会社ポータル連携").param("apiClasses", "READ")
                .param("usedFrom", monitoring.today().plusDays(7).toString()))
                .andExpect(redirectedUrl("/portal/home"));
        mvc.perform(post("/portal/tpps/{id}/chained-parties", other).session(portal).with(csrf())
                .param("partyId", "not-mine").param("name", "他社").param("apiClasses", "READ"))
                .andExpect(status().isNotFound());

        assertThat(chains.find(tpp, "portal-partner")).hasValueSatisfying(party -> {
            assertThat(party.registeredBy()).isEqualTo("portal:" + email);
            assertThat(party.allowedFrom()).isEqualTo(monitoring.today().plusDays(7));
        });
        assertThat(chains.of(other)).isEmpty();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder agreement(String tpp,
            String months) {
        return post("/console/monitoring/tpps/{id}/agreement", tpp).with(csrf()).param("method", "書面とヒアリング")
                .param("depth", "STANDARD").param("frequencyMonths", months).param("onSiteInspection", "年1回")
                .param("majorChangeHandling", "1か月前までに届出").param("informationToSubmit", "自己点検表")
                .param("startsOn", monitoring.today().minusMonths(7).toString());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder capacity(String tpp,
            String insurer) {
        return post("/console/monitoring/tpps/{id}/capacity", tpp).with(csrf()).param("kind", "INSURANCE")
                .param("insurer", insurer).param("policyNumber", "CY-1").param("amountYen", "100,000,000")
                .param("validUntil", monitoring.today().plusYears(1).toString())
                .param("checkedOn", monitoring.today().toString());
    }

    private String page(String path, String login) throws Exception {
        return mvc.perform(get(path).session(as(login))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String tpp() {
        String id = "tpp-ov-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(id, "株式会社監視" + id.substring(7), "Oversight " + id, "サービス", "Service", "代表 太郎",
                "東京都", "03-0000-0000", "a@example.jp", null, REGISTRATION, TppStatus.ACTIVE, Set.of("accounts")));
        return id;
    }

    private String tppName(String id) {
        return tpps.find(id).orElseThrow().legalName();
    }

    private static String foreignRecord() throws Exception {
        var key = new ECKeyGenerator(Curve.P_256).keyID("unknown-1").generate();
        var claims = new JWTClaimsSet.Builder().issuer("https://bank.unknown.example").jwtID("u-1")
                .issueTime(Date.from(Instant.now())).claim("kind", "screening")
                .claim("assessed_on", LocalDate.now().toString()).claim("outcome", "passed")
                .claim("tpp", Map.of("registration_number", REGISTRATION)).build();
        var jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("unknown-1").build(), claims);
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private MockHttpSession as(String login) throws Exception {
        synchronized (SESSIONS) {
            MockHttpSession session = SESSIONS.get(login);
            if (session == null) {
                session = console.signIn(ConsoleMvc.freshLike(staffAccounts, login));
                SESSIONS.put(login, session);
            }
            return session;
        }
    }
}
