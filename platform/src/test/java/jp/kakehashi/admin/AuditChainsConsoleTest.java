package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.audit.Checkpoint;
import jp.kakehashi.audit.Checkpoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.WebApplicationContext;

/**
 * The auditors' page of the evidence chains (C1, C4, D5): every chain with its status, its latest checkpoints and a
 * download of each; a verification on demand; auditors only.
 */
@PlatformTest
class AuditChainsConsoleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    jp.kakehashi.audit.StaffActions staffActions;

    @Test
    void pageWhenAuditorThenEveryChainIntactWithItsCheckpointsToDownload() throws Exception {
        var console = new ConsoleMvc(context);
        MockHttpSession session = console.signIn(ConsoleMvc.fresh(accounts, "監査 証跡", StaffRole.AUDITOR).login());
        staffActions.record("staff-test", "test.action", null, "success", Map.of());
        checkpoints.checkpointAll();
        Checkpoint latest = checkpoints.latest("staff-actions").orElseThrow();

        String page = console.mvc.perform(get("/console/audit-chains").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        console.mvc.perform(post("/console/audit-chains/verify").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String jws = console.mvc.perform(get("/console/audit-chains/checkpoints/" + latest.fileName()).session(session))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/jose"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-chain=\"execution-log\"", "data-chain=\"audit-events\"",
                "data-chain=\"staff-actions\"", "data-chain=\"consent-records\"").doesNotContain("data-status=\"BROKEN\"")
                .contains(latest.fileName()).contains("/audit/checkpoints/jwks.json").doesNotContain("id=\"unprotected\"");
        assertThat(jws.strip()).isEqualTo(latest.jws());
        console.mvc.perform(get("/console/audit-chains/checkpoints/not-a-checkpoint.jws").session(session))
                .andExpect(status().isNotFound());
    }

    @Test
    void pageWhenNotAnAuditorThenForbidden() throws Exception {
        var console = new ConsoleMvc(context);
        MockHttpSession operator = console.signIn(ConsoleMvc.fresh(accounts, "運用 証跡", StaffRole.OPERATOR).login());

        console.mvc.perform(get("/console/audit-chains").session(operator)).andExpect(status().isForbidden());
        console.mvc.perform(post("/console/audit-chains/verify").session(operator).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
