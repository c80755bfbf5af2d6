package jp.kakehashi.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.monitoring.ImprovementRequest;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import jp.kakehashi.portal.PortalSignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A5, A6: a TPP signed in to the portal sees the bank's improvement requests still open for it, with deadlines and
 * the overdue ones marked, in Japanese and English; closed ones and other TPPs' requests stay out.
 */
@PlatformTest
class PortalImprovementSectionTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Tpps tpps;
    @Autowired
    TppMonitoring monitoring;
    @Autowired
    JdbcClient jdbc;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void portalHomeWhenRequestsOpenThenShownWithDeadlinesOverdueMarkedAndClosedOrOthersLeftOut() throws Exception {
        String tpp = tpp();
        String other = tpp();
        var overdue = monitoring.requestImprovement(tpp, null, "ログ保存期間が6か月しかない",
                monitoring.today().minusDays(3), "reviewer");
        var pending = monitoring.requestImprovement(tpp, null, "委託先管理の規程が未整備",
                monitoring.today().plusDays(20), "reviewer");
        var closed = monitoring.requestImprovement(tpp, null, "既に是正済みの指摘", monitoring.today().minusDays(9),
                "reviewer");
        assertThat(monitoring.answer(closed.id(), "是正しました")).isTrue();
        assertThat(monitoring.close(closed.id(), "reviewer")).isTrue();
        monitoring.requestImprovement(other, null, "他社への指摘", monitoring.today().plusDays(5), "reviewer");
        MockHttpSession portal = signIn(tpp);

        String home = page("/portal/home", portal);

        assertThat(home).contains("当行からの改善要請").contains("委託先管理の規程が未整備")
                .doesNotContain("既に是正済みの指摘").doesNotContain("他社への指摘");
        assertThat(row(home, overdue)).contains("data-overdue=\"true\"").contains("期限超過")
                .contains(overdue.dueOn().toString()).contains("回答待ち");
        assertThat(row(home, pending)).contains("data-overdue=\"false\"").doesNotContain("期限超過")
                .contains(pending.dueOn().toString());
        String english = page("/portal/home?lang=en", portal);
        assertThat(english).contains("Improvement requests from the bank").contains("Awaiting your answer");
        assertThat(row(english, overdue)).contains("Overdue");
    }

    @Test
    void portalHomeWhenNothingOpenThenNoImprovementSection() throws Exception {
        String tpp = tpp();

        String home = page("/portal/home", signIn(tpp));

        assertThat(home).contains("data-tpp=\"" + tpp + "\"").doesNotContain("当行からの改善要請");
    }

    private String row(String page, ImprovementRequest request) {
        Matcher row = Pattern.compile("<tr[^>]*data-request=\"" + request.id() + "\".*?</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("a row for request %s", request.id()).isTrue();
        return row.group();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession signIn(String tpp) throws Exception {
        return PortalSignIn.signIn(mvc, PortalSignIn.account(context, "improve", tpp));
    }

    private String tpp() {
        String id = "tpp-im-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(id, "株式会社改善" + id.substring(7), "Improve " + id, "サービス", "Service", "代表 太郎",
                "東京都", "03-0000-0000", "a@example.jp", null, null, TppStatus.ACTIVE, Set.of("accounts")));
        return id;
    }
}
