package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.audit.StaffAction;
import jp.kakehashi.audit.StaffActionQuery;
import jp.kakehashi.audit.StaffActions;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.WebApplicationContext;

/** Controlled exports (C4): requested with a reason, approved by another, downloaded once by the requester, logged. */
@PlatformTest
class ExportConsoleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    StaffRequests requests;
    @Autowired
    StaffActions actions;
    @Autowired
    Tpps tpps;
    @Autowired
    JdbcClient jdbc;

    @Test
    void exportWhenRequestedApprovedAndDownloadedThenOnceByTheRequesterWithRowsAndHashLogged() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        String tppId = tppWithGrants(2);
        var console = new ConsoleMvc(context);
        StaffMember operator = ConsoleMvc.fresh(accounts, "運用 出力", StaffRole.OPERATOR);
        StaffMember other = ConsoleMvc.fresh(accounts, "運用 別人", StaffRole.OPERATOR);
        StaffMember approver = ConsoleMvc.fresh(accounts, "承認 出力", StaffRole.APPROVER);
        MockHttpSession session = console.signIn(operator.login());

        String blank = console.mvc.perform(post("/console/exports").session(session).with(csrf())
                .param("tppId", tppId).param("reason", " ")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        console.mvc.perform(post("/console/exports").session(session).with(csrf()).param("tppId", tppId)
                .param("reason", "インシデント対応で影響顧客へ連絡")).andExpect(status().isOk());
        StaffRequest request = requests.about(tppId).getFirst();
        assertThat(requests.approve(approver, request.id()).decided()).isTrue();
        String page = console.mvc.perform(get("/console/exports").session(session)).andReturn().getResponse()
                .getContentAsString();
        String exportId = jdbc.sql("select id from staff_export where request_id = ?").param(request.id())
                .query(String.class).single();

        var otherSession = console.signIn(other.login());
        String notYours = console.mvc.perform(post("/console/exports/{id}/download", exportId).session(otherSession)
                .with(csrf())).andReturn().getResponse().getContentAsString();
        var file = console.mvc.perform(post("/console/exports/{id}/download", exportId).session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse();
        String again = console.mvc.perform(post("/console/exports/{id}/download", exportId).session(session)
                .with(csrf())).andReturn().getResponse().getContentAsString();

        assertThat(blank).contains("理由を入力してください");
        assertThat(page).contains(exportId).contains("ダウンロード（1回限り）");
        assertThat(notYours).contains("ダウンロードできるのは依頼者だけです");
        assertThat(file.getContentType()).startsWith("text/csv");
        String csv = file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(3);
        assertThat(file.getHeader("X-Content-SHA256")).isEqualTo(StaffActions.sha256(file.getContentAsByteArray()));
        assertThat(again).contains("すでにダウンロードされています");
        assertThat(jdbc.sql("select content is null from staff_export where id = ?").param(exportId)
                .query(Boolean.class).single()).isTrue();
        var log = actions.query(new StaffActionQuery(started, Instant.now().plusSeconds(1), null, tppId));
        assertThat(log).extracting(StaffAction::action, StaffAction::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("export.tpp-grants.requested", "pending"),
                org.assertj.core.groups.Tuple.tuple("export.tpp-grants.made", "success"),
                org.assertj.core.groups.Tuple.tuple("export.tpp-grants.approved", "success"),
                org.assertj.core.groups.Tuple.tuple("export.tpp-grants.downloaded", "refused"),
                org.assertj.core.groups.Tuple.tuple("export.tpp-grants.downloaded", "success"),
                org.assertj.core.groups.Tuple.tuple("export.tpp-grants.downloaded", "refused"));
        assertThat(log.get(4).details()).contains("\"rows\":2").contains(file.getHeader("X-Content-SHA256"));
    }

    @Test
    void exportsWhenNotAnOperatorThenForbidden() throws Exception {
        var console = new ConsoleMvc(context);
        MockHttpSession auditor = console.signIn(ConsoleMvc.fresh(accounts, "監査", StaffRole.AUDITOR).login());

        console.mvc.perform(get("/console/exports").session(auditor)).andExpect(status().isForbidden());
        console.mvc.perform(post("/console/exports/exp-x/download").session(auditor).with(csrf()))
                .andExpect(status().isForbidden());
    }

    /** A TPP of this test with active grants of customers, as the consent module stores them. */
    private String tppWithGrants(int count) {
        String tppId = "tpp-export-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社出力テスト", "Export Test K.K.", "出力", "Export", "代表", "東京都", "03",
                "x@export.example", null, null, TppStatus.ACTIVE, Set.of("accounts")));
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    insert into grants (id, customer_id, tpp_id, client_id, scopes, account_ids, status, created_at,
                                        expires_at)
                    values (?, ?, ?, 'client-x', '{accounts}', '{}', 'ACTIVE', ?, ?)""")
                    .params("g-" + UUID.randomUUID(), "C-EXP-" + i, tppId, Timestamp.from(now),
                            Timestamp.from(now.plus(30, ChronoUnit.DAYS))).update();
        }
        return tppId;
    }
}
