package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.audit.StaffAction;
import jp.kakehashi.audit.StaffActionQuery;
import jp.kakehashi.audit.StaffActions;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** The TPP screens (A6, C5): operators request, a second person approves, the lifecycle moves with both names. */
@PlatformTest
class TppConsoleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tpps tpps;
    @Autowired
    TppLifecycle lifecycle;
    @Autowired
    StaffRequests requests;
    @Autowired
    StaffActions actions;
    @Autowired
    StaffAccounts accounts;
    ConsoleMvc console;
    MockMvc mvc;
    String tppId;

    @BeforeEach
    void setUp() {
        console = new ConsoleMvc(context);
        mvc = console.mvc;
        tppId = "tpp-console-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社テスト家計簿", "Test Kakeibo Inc.", "テスト家計簿", "Test Kakeibo", "代表 太郎",
                "東京都千代田区1-1", "03-0000-0000", "info@test.example", null, "関東財務局長（電代）第99号",
                TppStatus.ACTIVE, Set.of("accounts", "transactions")));
    }

    @Test
    void suspendWhenOperatorRequestsAndAnotherApproverApprovesThenSuspendedWithReasonAndBothNames() throws Exception {
        StaffMember operatorMember = ConsoleMvc.fresh(accounts, "運用 試験", StaffRole.OPERATOR);
        StaffMember approverMember = ConsoleMvc.fresh(accounts, "承認 試験", StaffRole.APPROVER);
        MockHttpSession operator = console.signIn(operatorMember.login());
        mvc.perform(post("/console/tpps/{id}/suspend", tppId).session(operator).with(csrf())
                .param("reason", "不正アクセスの疑い")).andExpect(redirectedUrl("/console/tpps/" + tppId));
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.ACTIVE);
        StaffRequest request = requests.about(tppId).getFirst();

        MockHttpSession approver = console.signIn(approverMember.login());
        String list = mvc.perform(get("/console/approvals").session(approver)).andReturn().getResponse()
                .getContentAsString();
        String dashboard = mvc.perform(get("/console").session(approver)).andReturn().getResponse()
                .getContentAsString();
        assertThat(dashboard).contains("あなたの承認を待っている依頼が");
        mvc.perform(post("/console/approvals/{id}/decide", request.id()).session(approver).with(csrf())
                .param("decision", "approve")).andExpect(redirectedUrl("/console/approvals"));

        assertThat(list).contains("株式会社テスト家計簿 の接続停止").contains("不正アクセスの疑い");
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.SUSPENDED);
        var last = lifecycle.history(tppId).getLast();
        assertThat(last.reason()).isEqualTo("不正アクセスの疑い");
        assertThat(last.requestedBy()).isEqualTo(operatorMember.id());
        assertThat(last.approvedBy()).isEqualTo(approverMember.id());
        String page = mvc.perform(get("/console/tpps/{id}", tppId).session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("停止中").contains("運用 試験").contains("承認 試験");
        assertThat(actions.query(new StaffActionQuery(request.requestedAt().minusSeconds(1),
                request.requestedAt().plusSeconds(120), null, tppId))).extracting(StaffAction::action)
                .containsExactly("tpp.suspend.requested", "tpp.suspend.approved");
    }

    @Test
    void suspendFormWhenReviewerOrApproverThenForbidden() throws Exception {
        MockHttpSession reviewer = console.signIn(ConsoleMvc.fresh(accounts, "審査", StaffRole.REVIEWER).login());
        MockHttpSession approver = console.signIn(ConsoleMvc.fresh(accounts, "承認", StaffRole.APPROVER).login());

        mvc.perform(get("/console/tpps/{id}/suspend", tppId).session(reviewer)).andExpect(status().isForbidden());
        mvc.perform(post("/console/tpps/{id}/suspend", tppId).session(approver).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/tpps/{id}", tppId).session(reviewer)).andExpect(status().isOk());
        assertThat(requests.about(tppId)).isEmpty();
        assertThat(actions.latest(10)).extracting(StaffAction::action, StaffAction::target, StaffAction::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("console.denied", "/console/tpps/" + tppId + "/suspend",
                        "403"), org.assertj.core.groups.Tuple.tuple("console.post",
                        "/console/tpps/" + tppId + "/suspend", "403"));
    }

    @Test
    void restrictWhenNoScopeChosenThenFormAgainWithTheReasonKept() throws Exception {
        MockHttpSession operator = console.signIn(ConsoleMvc.fresh(accounts, "運用", StaffRole.OPERATOR).login());

        String page = mvc.perform(post("/console/tpps/{id}/restrict", tppId).session(operator).with(csrf())
                .param("reason", "取引明細の過剰取得")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("取引明細の過剰取得").contains("1つ以上選んでください");
        assertThat(requests.about(tppId)).isEmpty();
    }

    @Test
    void requestWhenTheStatusDoesNotAllowTheMoveThenFormAgainAndNothingFiled() throws Exception {
        MockHttpSession operator = console.signIn(ConsoleMvc.fresh(accounts, "運用", StaffRole.OPERATOR).login());

        String page = mvc.perform(post("/console/tpps/{id}/resume", tppId).session(operator).with(csrf())
                .param("reason", "改善を確認")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("改善を確認").contains("現在の状態ではこの操作はできません");
        assertThat(requests.about(tppId)).isEmpty();
    }

    @Test
    void approveWhenTheTppWasSuspendedAfterAResumeWasFiledThenRefusedAndStillSuspended() throws Exception {
        lifecycle.restrict(tppId, Set.of("transactions"), new StaffDecision("過剰取得", "staff-a", "staff-b"));
        MockHttpSession operator = console.signIn(ConsoleMvc.fresh(accounts, "運用", StaffRole.OPERATOR).login());
        mvc.perform(post("/console/tpps/{id}/resume", tppId).session(operator).with(csrf())
                .param("reason", "制限の解除: 改善を確認")).andExpect(redirectedUrl("/console/tpps/" + tppId));
        StaffRequest resume = requests.about(tppId).getFirst();
        assertThat(lifecycle.suspend(tppId, new StaffDecision("不正の疑い", "staff-c", "staff-d")).moved()).isTrue();

        MockHttpSession approver = console.signIn(ConsoleMvc.fresh(accounts, "承認", StaffRole.APPROVER).login());
        var flash = mvc.perform(post("/console/approvals/{id}/decide", resume.id()).session(approver).with(csrf())
                .param("decision", "approve")).andReturn().getFlashMap();

        assertThat(resume.payload()).containsEntry("filedAgainst", "RESTRICTED");
        assertThat(flash.get("refusal")).isEqualTo("ACTION_REFUSED");
        assertThat(flash.get("refusalDetail")).isEqualTo("console.tpp.refusal.STATUS_CHANGED");
        assertThat(requests.find(resume.id()).orElseThrow().status()).isEqualTo(StaffRequest.Status.PENDING);
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.SUSPENDED);
    }

    @Test
    void pageWhenTheTppAppliedOnThePortalThenItsApplicationAndOnlyPossibleMovesShow() throws Exception {
        String applied = lifecycle.apply(new TppApplication("株式会社申請テスト", null, "申請アプリ", null, "代表 花子",
                "大阪府大阪市1-1", "06-0000-0000", "info@apply.example", null, "近畿財務局長（電代）第7号",
                "applicant@apply.example", Set.of(TppApplication.ApiClass.READ), Set.of("accounts"),
                List.of("https://apply.example/cb"), null, "CN=apply.example",
                List.of(new TppApplication.IncidentContact("障害 窓口", "CISO", "sec@apply.example", "06-1111-1111")),
                "利用規約第10条による補償"));
        MockHttpSession operator = console.signIn(ConsoleMvc.fresh(accounts, "運用", StaffRole.OPERATOR).login());

        String page = mvc.perform(get("/console/tpps/{id}", applied).session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String list = mvc.perform(get("/console/tpps").param("status", "APPLIED").session(operator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("applicant@apply.example").contains("https://apply.example/cb")
                .contains("障害 窓口").contains("利用規約第10条による補償").contains("申請受付")
                .doesNotContain("id=\"request-suspend\"");
        assertThat(list).contains("株式会社申請テスト").doesNotContain("株式会社テスト家計簿");
    }
}
