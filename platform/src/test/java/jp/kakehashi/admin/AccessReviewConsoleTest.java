package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.time.ZoneId;
import jp.kakehashi.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.WebApplicationContext;

/** The access-log review page (C4): auditors only; this month cannot be signed off; a refused
 * sign-off keeps the text typed. */
@PlatformTest
class AccessReviewConsoleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffAccounts accounts;

    @Test
    void reviewWhenAuditorThenThisMonthsLogWithCountsAndNoSignOffYet() throws Exception {
        var console = new ConsoleMvc(context);
        StaffMember auditor = ConsoleMvc.fresh(accounts, "監査 試験", StaffRole.AUDITOR);
        MockHttpSession session = console.signIn(auditor.login());
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Tokyo"));

        String page = console.mvc.perform(get("/console/access-review").param("month", now.toString())
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String refused = console.mvc.perform(post("/console/access-review/sign-off").session(session).with(csrf())
                .param("month", now.toString()).param("comment", "途中で点検").param("fingerprint", "x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String stale = console.mvc.perform(post("/console/access-review/sign-off").session(session).with(csrf())
                .param("month", now.minusMonths(1).toString()).param("comment", "先月分、異常なし")
                .param("fingerprint", "not-what-is-there")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("console.sign-in.second-factor").contains("監査 試験")
                .contains("改ざんは見つかりません").contains("まだ終わっていない");
        String narrowed = console.mvc.perform(get("/console/access-review").param("month", now.toString())
                .param("staff", "no-such-staff").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(narrowed).doesNotContain("class=\"entry\"").contains("console.sign-in.second-factor");
        assertThat(refused).contains("この月はまだ終わっていません");
        assertThat(stale).contains("もう一度確認してください").contains("先月分、異常なし");
    }

    @Test
    void reviewWhenNotAnAuditorThenForbidden() throws Exception {
        var console = new ConsoleMvc(context);
        MockHttpSession approver = console.signIn(ConsoleMvc.fresh(accounts, "承認 試験", StaffRole.APPROVER).login());

        console.mvc.perform(get("/console/access-review").session(approver)).andExpect(status().isForbidden());
        console.mvc.perform(post("/console/access-review/sign-off").session(approver).with(csrf())
                .param("month", "2026-01").param("comment", "x")).andExpect(status().isForbidden());
    }
}
