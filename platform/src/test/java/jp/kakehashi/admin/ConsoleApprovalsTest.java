package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.FlashMap;

/** The approvals page (C4): an action's refusal is shown in the viewer's language, not as its message key. */
@PlatformTest
class ConsoleApprovalsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffAccounts staff;
    @Autowired
    StaffRequests requests;
    @Autowired
    Tpps tpps;
    @Autowired
    TppLifecycle lifecycle;

    private MockMvc mvc;
    private RequestPostProcessor operator;
    private RequestPostProcessor approver;

    @BeforeEach
    void setUp() {
        mvc = new ConsoleMvc(context).mvc;
        operator = ConsoleMvc.signedIn(staff, "t-approvals-op", StaffRole.OPERATOR);
        approver = ConsoleMvc.signedIn(staff, "t-approvals-ap", StaffRole.APPROVER);
    }

    @Test
    void listWhenTheActionRefusedThenItsReasonShowsInJapaneseAndEnglish() throws Exception {
        FlashMap refused = refusedApproval();
        assertThat(refused.get("refusalDetail")).isEqualTo("console.tpp.refusal.STATUS_CHANGED");

        String ja = page(refused, "ja");
        String en = page(refused, "en");

        assertThat(ja).contains("依頼の後に接続先の状態が変わったため実行できません。").doesNotContain("console.tpp.refusal");
        assertThat(en).contains("The TPP&#39;s status has changed since this was requested")
                .doesNotContain("console.tpp.refusal");
    }

    @Test
    void listWhenTheRefusalDetailIsNoMessageKeyThenShownAsItIs() throws Exception {
        var flash = new FlashMap();
        flash.put("refusal", "ACTION_REFUSED");
        flash.put("refusalDetail", "CORE_BANKING_TIMEOUT");

        assertThat(page(flash, "ja")).contains("<span class=\"refusal-detail\">CORE_BANKING_TIMEOUT</span>")
                .doesNotContain("??");
    }

    /** An operator asks to suspend an active TPP; it is suspended otherwise before the approver approves. */
    private FlashMap refusedApproval() throws Exception {
        String tppId = "tpp-approvals-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社承認画面", "Approvals Screen Inc.", "承認画面", "Approvals", "代表 太郎",
                "東京都千代田区1-1", "03-0000-0000", "info@approvals.example", null, "関東財務局長（電代）第98号",
                TppStatus.ACTIVE, Set.of("accounts")));
        mvc.perform(post("/console/tpps/{id}/suspend", tppId).with(operator).with(csrf()).param("reason", "不正の疑い"))
                .andExpect(redirectedUrl("/console/tpps/" + tppId));
        StaffRequest request = requests.about(tppId).getFirst();
        lifecycle.suspend(tppId, new StaffDecision("障害", "staff-a", "staff-b"));
        return mvc.perform(post("/console/approvals/{id}/decide", request.id()).with(approver).with(csrf())
                .param("decision", "approve")).andExpect(redirectedUrl("/console/approvals")).andReturn()
                .getFlashMap();
    }

    private String page(FlashMap flash, String lang) throws Exception {
        return mvc.perform(get("/console/approvals").with(approver).flashAttrs(flash).param("lang", lang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

}
