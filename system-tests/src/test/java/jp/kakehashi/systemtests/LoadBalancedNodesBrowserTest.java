package jp.kakehashi.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.CustomerScreens.Redeemed;
import jp.kakehashi.systemtests.support.CustomerScreens.TppCallback;
import jp.kakehashi.systemtests.support.BrowserExtension;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.SecondNodeExtension;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several stateless nodes behind a load balancer: a customer's browser whose every request goes round-robin to one
 * of two nodes still signs in, consents and returns to the TPP, because sessions, pushed requests, codes and keys
 * live in the shared database, not in a node's memory.
 */
class LoadBalancedNodesBrowserTest {

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();
    @RegisterExtension
    static final SecondNodeExtension secondNode = new SecondNodeExtension();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void authorizationWhenRequestsAlternateBetweenNodesThenFlowCompletes() throws Exception {
        int firstPort = platform.issuer().getPort();
        Map<Integer, AtomicInteger> served = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        BrowserContext context = chromium.newContext();
        // the load balancer: round robin over both nodes for every request to the bank, whatever port it names
        context.route(url -> url.startsWith("https://localhost:"), route -> {
            int node = requests.getAndIncrement() % 2 == 0 ? firstPort : secondNode.port();
            served.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
            URI original = URI.create(route.request().url());
            route.resume(new Route.ResumeOptions().setUrl(
                    "https://localhost:" + node + original.getRawPath()
                            + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery())));
        });
        TppCallback callback = TppCallback.answerIn(context);
        Page page = context.newPage();
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts", "balances"), verifier).build();

        page.navigate(tpp.push(request).toString());
        CustomerScreens.signIn(page, "yamada", CustomerScreens.DEMO_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/consent\\?.*"));
        page.locator("#accounts input[name=account]").first().check();
        page.locator("#understood").check();
        chromium.screenshot(page, "consent-behind-load-balancer");
        page.locator("#approve").click();

        var response = AuthorizationResponse.parse(callback.awaitRedirect(page));
        assertThat(response.indicatesSuccess()).as("authorization response").isTrue();
        Redeemed redeemed = Redeemed.redeem(platform, tpp, response.toSuccessResponse().getAuthorizationCode(),
                verifier);
        assertThat(redeemed.userInfoStatus()).isEqualTo(200);
        assertThat(served.keySet()).as("both nodes served the customer").containsExactlyInAnyOrder(firstPort,
                secondNode.port());
        assertThat(served.get(secondNode.port()).get()).isGreaterThanOrEqualTo(3);
    }
}
