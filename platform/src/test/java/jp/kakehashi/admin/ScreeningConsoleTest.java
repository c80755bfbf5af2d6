package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.TppApplication.IncidentContact;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.screening.Answer;
import jp.kakehashi.tpp.screening.Checklist;
import jp.kakehashi.tpp.screening.ChecklistChange;
import jp.kakehashi.tpp.screening.ChecklistChanges;
import jp.kakehashi.tpp.screening.ChecklistItem;
import jp.kakehashi.tpp.screening.Recommendation;
import jp.kakehashi.tpp.screening.Screening;
import jp.kakehashi.tpp.screening.ScreeningFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * The screening in the console (A1–A3, maker-checker): a reviewer screens and recommends, the queue's approver
 * decides; checklist changes the same way. Staff are signed in with both factors directly.
 */
@PlatformTest
class ScreeningConsoleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffAccounts staff;
    @Autowired
    StaffRequests requests;
    @Autowired
    Screening screening;
    @Autowired
    Checklist checklist;
    @Autowired
    Tpps tpps;
    @Autowired
    ChecklistChanges changes;

    private MockMvc mvc;
    private RequestPostProcessor reviewer;
    private RequestPostProcessor approver;

    @BeforeEach
    void setUp() {
        mvc = new ConsoleMvc(context).mvc;
        reviewer = ConsoleMvc.signedIn(staff, "t-reviewer", StaffRole.REVIEWER);
        approver = ConsoleMvc.signedIn(staff, "t-approver", StaffRole.APPROVER);
    }

    @Test
    void screeningWhenReviewerJudgesEveryItemAndApproverApprovesThenTppApproved() throws Exception {
        String tppId = applied();
        mvc.perform(post("/console/screening/" + tppId + "/start").with(reviewer).with(csrf()))
                .andExpect(flash().attribute("done", "started"));
        mvc.perform(post("/console/screening/" + tppId + "/recommend").with(reviewer).with(csrf())
                        .param("outcome", "APPROVE").param("scopes", "accounts").param("summary", "早すぎる推奨"))
                .andExpect(flash().attribute("error", "screening.error.MANDATORY_FINDINGS_MISSING"));
        assertThat(decisionRequest(tppId)).isEmpty();

        for (ChecklistItem item : checklist.ofApplication(tppId)) {
            mvc.perform(post("/console/screening/" + tppId + "/findings/" + item.id()).with(reviewer).with(csrf())
                    .param("assessment", "SATISFIED").param("note", "根拠資料で確認"))
                    .andExpect(flash().attribute("done", "finding"));
        }
        mvc.perform(post("/console/screening/" + tppId + "/references").with(reviewer).with(csrf())
                .param("kind", "CERTIFICATION").param("name", "ISO/IEC 27001").param("issuer", "JQA")
                .param("number", "JQA-IM0001").param("validUntil", "2028-03-31"))
                .andExpect(flash().attribute("done", "reference"));
        mvc.perform(post("/console/screening/" + tppId + "/recommend").with(reviewer).with(csrf())
                        .param("outcome", "APPROVE").param("scopes", "accounts").param("summary", "全項目充足"))
                .andExpect(flash().attribute("done", "recommended"));

        mvc.perform(get("/console/screening/" + tppId).with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-state=\"PENDING\"")));
        mvc.perform(get("/console/approvals").with(approver)).andExpect(status().isOk())
                .andExpect(content().string(containsString("株式会社コンソール審査")));
        StaffRequest request = decisionRequest(tppId).orElseThrow();
        mvc.perform(post("/console/approvals/" + request.id() + "/decide").with(reviewer).with(csrf())
                .param("decision", "approve")).andExpect(status().isForbidden());
        mvc.perform(post("/console/approvals/" + request.id() + "/decide").with(approver).with(csrf())
                .param("decision", "approve")).andExpect(flash().attribute("done", "approve"));

        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.APPROVED);
        assertThat(tpps.find(tppId).orElseThrow().approvedScopes()).containsExactly("accounts");
        mvc.perform(get("/console/screening/" + tppId).with(approver)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-status=\"APPROVED\"")))
                .andExpect(content().string(containsString("ISO/IEC 27001")));
    }

    @Test
    void recommendationWhenRejectedInTheQueueThenReturnedAtOnceAndReviewerMayRecommendAgain() throws Exception {
        String tppId = applied();
        screening.start(tppId, "staff-t-reviewer");
        checklist.ofApplication(tppId).forEach(item -> screening.recordFinding(tppId, item.id(),
                jp.kakehashi.tpp.screening.Assessment.CONCERN, "要確認", "staff-t-reviewer"));
        recommend(tppId, "accounts");
        mvc.perform(post("/console/approvals/" + decisionRequest(tppId).orElseThrow().id() + "/decide")
                .with(approver).with(csrf()).param("decision", "reject").param("note", "残高は不要では"))
                .andExpect(flash().attribute("done", "reject"));

        ScreeningFile returned = screening.file(tppId).orElseThrow();
        assertThat(returned.pending()).isEmpty();
        assertThat(returned.recommendations()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(Recommendation.State.RETURNED);
            assertThat(r.returnNote()).isEqualTo("残高は不要では");
            assertThat(r.decidedBy()).isEqualTo("staff-t-approver");
        });
        assertThat(screening.awaitingDecision()).doesNotContain(tppId);

        recommend(tppId, "balances");
        assertThat(decisionRequest(tppId)).get().extracting(StaffRequest::status)
                .isEqualTo(StaffRequest.Status.PENDING);
        assertThat(screening.file(tppId).orElseThrow().pending()).get()
                .satisfies(r -> assertThat(r.scopes()).containsExactly("balances"));
    }

    @Test
    void screeningActionsWhenApproverOnlyThenForbidden() throws Exception {
        String tppId = applied();
        mvc.perform(post("/console/screening/" + tppId + "/start").with(approver).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.APPLIED);
    }

    @Test
    void checklistChangeWhenProposedAndApprovedInQueueThenItemIsCurrent() throws Exception {
        String code = "BANK-C-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/console/screening/checklist/changes").with(reviewer).with(csrf())
                .param("kind", "ADD").param("code", code).param("mandatory", "true")
                .param("titleJa", "外部委託先管理").param("titleEn", "Outsourcing")
                .param("questionJa", "委託先の管理を記載").param("questionEn", "Describe contractors")
                .param("reason", "FISC")).andExpect(flash().attribute("done", "proposed"));
        assertThat(checklist.current()).noneMatch(item -> item.code().equals(code));

        StaffRequest request = requests.pending().stream().filter(r -> r.target().equals("checklist:" + code))
                .findFirst().orElseThrow();
        mvc.perform(post("/console/approvals/" + request.id() + "/decide").with(approver).with(csrf())
                .param("decision", "approve")).andExpect(flash().attribute("done", "approve"));
        assertThat(checklist.current()).anyMatch(item -> item.code().equals(code) && item.mandatory());
    }

    @Test
    void recommendationWhenWithdrawnInTheQueueThenWithdrawnAtOnce() throws Exception {
        String tppId = applied();
        screening.start(tppId, "staff-t-reviewer");
        checklist.ofApplication(tppId).forEach(item -> screening.recordFinding(tppId, item.id(),
                jp.kakehashi.tpp.screening.Assessment.SATISFIED, "確認済み", "staff-t-reviewer"));
        recommend(tppId, "accounts");

        mvc.perform(post("/console/approvals/" + decisionRequest(tppId).orElseThrow().id() + "/withdraw")
                .with(reviewer).with(csrf())).andExpect(flash().attribute("done", "withdraw"));

        assertThat(screening.file(tppId).orElseThrow().recommendations()).singleElement()
                .extracting(Recommendation::state).isEqualTo(Recommendation.State.WITHDRAWN);
    }

    @Test
    void checklistChangeWhenWithdrawnInTheQueueThenProposalClosedAtOnce() throws Exception {
        String code = "BANK-W-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/console/screening/checklist/changes").with(reviewer).with(csrf())
                .param("kind", "ADD").param("code", code).param("mandatory", "false")
                .param("titleJa", "苦情対応").param("titleEn", "Complaints")
                .param("questionJa", "苦情対応の体制を記載").param("questionEn", "Describe complaint handling")
                .param("reason", "監督指針")).andExpect(flash().attribute("done", "proposed"));
        StaffRequest request = requests.pending().stream().filter(r -> r.target().equals("checklist:" + code))
                .findFirst().orElseThrow();

        mvc.perform(post("/console/approvals/" + request.id() + "/withdraw").with(reviewer).with(csrf()))
                .andExpect(flash().attribute("done", "withdraw"));

        assertThat(changes.pendingFor(code)).isEmpty();
        assertThat(changes.history()).filteredOn(change -> change.code().equals(code)).singleElement()
                .satisfies(change -> {
                    assertThat(change.state()).isEqualTo(ChecklistChange.State.WITHDRAWN);
                    assertThat(change.decidedBy()).isEqualTo("staff-t-reviewer");
                });
        assertThat(checklist.current()).noneMatch(item -> item.code().equals(code));
    }

    @Test
    void checklistChangeWhenRejectedInTheQueueThenProposalClosedAtOnce() throws Exception {
        String code = "BANK-R-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/console/screening/checklist/changes").with(reviewer).with(csrf())
                .param("kind", "ADD").param("code", code).param("mandatory", "true")
                .param("titleJa", "広告表示").param("titleEn", "Advertising")
                .param("questionJa", "広告表示の管理を記載").param("questionEn", "Describe advertising controls")
                .param("reason", "景品表示法")).andExpect(flash().attribute("done", "proposed"));
        StaffRequest request = requests.pending().stream().filter(r -> r.target().equals("checklist:" + code))
                .findFirst().orElseThrow();

        mvc.perform(post("/console/approvals/" + request.id() + "/decide").with(approver).with(csrf())
                .param("decision", "reject").param("note", "共通項目で足ります"))
                .andExpect(flash().attribute("done", "reject"));

        assertThat(changes.pendingFor(code)).isEmpty();
        assertThat(changes.history()).filteredOn(change -> change.code().equals(code)).singleElement()
                .extracting(ChecklistChange::state).isEqualTo(ChecklistChange.State.REJECTED);
    }

    @Test
    void checklistChangeWhenCommonItemThenRefusedWithMessageAndInputKept() throws Exception {
        mvc.perform(post("/console/screening/checklist/changes").with(reviewer).with(csrf())
                .param("kind", "RETIRE").param("code", "COMMON-UP-2").param("reason", "不要"))
                .andExpect(flash().attribute("error", "screening.checklist.error.COMMON_PART_FIXED"))
                .andExpect(flash().attributeExists("proposal"));
        assertThat(checklist.current()).anyMatch(item -> item.code().equals("COMMON-UP-2"));
    }

    @Test
    void pagesWhenOpenedThenListApplicationsChecklistAndFileForms() throws Exception {
        String tppId = applied();
        mvc.perform(get("/console/screening").with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-tpp=\"" + tppId + "\"")));
        mvc.perform(get("/console").with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("審査を待っている申込みが")));
        mvc.perform(get("/console/screening/checklist").with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-item=\"COMMON-UP-2\"")));
        screening.start(tppId, "staff-t-reviewer");
        mvc.perform(get("/console/screening/" + tppId).with(reviewer).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/screening/" + tppId + "/recommend")))
                .andExpect(content().string(containsString("Record finding")));
    }

    @Test
    void referenceWhenDateUnreadableThenRefusedAndTypedValuesKept() throws Exception {
        String tppId = applied();
        screening.start(tppId, "staff-t-reviewer");
        mvc.perform(post("/console/screening/" + tppId + "/references").with(reviewer).with(csrf())
                        .param("kind", "CERTIFICATION").param("name", "プライバシーマーク").param("issuer", "JIPDEC")
                        .param("validUntil", "2028-13-45"))
                .andExpect(flash().attribute("error", "screening.error.TEXT_MISSING"))
                .andExpect(flash().attributeExists("reference"));
        assertThat(screening.file(tppId).orElseThrow().references()).isEmpty();
    }

    private void recommend(String tppId, String scope) throws Exception {
        mvc.perform(post("/console/screening/" + tppId + "/recommend").with(reviewer).with(csrf())
                .param("outcome", "APPROVE").param("scopes", scope).param("summary", "推奨 " + scope))
                .andExpect(flash().attribute("done", "recommended"));
    }

    private java.util.Optional<StaffRequest> decisionRequest(String tppId) {
        return requests.about(tppId).stream().filter(r -> r.kind().equals("tpp.screening.decision")).findFirst();
    }


    private String applied() {
        var application = new TppApplication("株式会社コンソール審査", "Console Screening K.K.", "審査アプリ", "Screening App",
                "代表 太郎", "東京都港区1-1", "03-0000-0000", "info@console.example.jp", null, "第7号",
                "applicant@console.example.jp", Set.of(ApiClass.READ), Set.of("accounts", "balances"),
                List.of("https://console.example.jp/cb"), "{\"keys\":[]}", null,
                List.of(new IncidentContact("連絡 花子", "CISO", "ciso@console.example.jp", "03-0000-0001")), "補償します");
        return screening.submit(application, checklist.current().stream()
                .map(item -> new Answer(item.id(), "回答", "資料")).toList());
    }
}
