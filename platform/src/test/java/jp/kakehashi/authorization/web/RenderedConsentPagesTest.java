package jp.kakehashi.authorization.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import jp.kakehashi.consent.RenderedConsent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * D5: the consent page kept for a decision is the page itself, as sent, rendered for that client's request: a page
 * rendered for another client with the same {@code state} does not take its place, and the page re-hashes to the hash
 * the record keeps.
 */
class RenderedConsentPagesTest {

    private final RenderedConsentPages pages = new RenderedConsentPages(new ConsentTemplateVersion());
    private final MockHttpSession session = new MockHttpSession();

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void takeWhenAnotherClientsPageWasRenderedWithTheSameStateThenEachClientGetsItsOwn() throws Exception {
        render("client-a", "accounts balances", "state-1", "<html>A の同意画面</html>");
        render("client-b", "transfers", "state-1", "<html>B の同意画面</html>");

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request("POST", null, null, null)));
        var a = RenderedConsentPages.take("client-a", "state-1").orElseThrow();
        var b = RenderedConsentPages.take("client-b", "state-1").orElseThrow();

        assertThat(new String(a.page(), StandardCharsets.UTF_8)).isEqualTo("<html>A の同意画面</html>");
        assertThat(a.scopes()).isEqualTo(Set.of("accounts", "balances"));
        assertThat(b.scopes()).isEqualTo(Set.of("transfers"));
        // the hash kept is the hash of the page kept, so anyone can check it later
        assertThat(a.pageSha256()).isEqualTo(RenderedConsent.sha256(a.page()));
        assertThat(new RenderedConsent(a.templateVersion(), a.pageSha256(), a.confirmationText(), "MFA", a.page())
                .page()).isEqualTo(a.page());
        // taken once
        assertThat(RenderedConsentPages.take("client-a", "state-1")).isEmpty();
    }

    private void render(String clientId, String scope, String state, String html) throws Exception {
        var request = request("GET", clientId, scope, state);
        request.setAttribute(RenderedConsentPages.CONFIRMATION, "上記の内容を確認し、連携に同意します。");
        var response = new MockHttpServletResponse();
        pages.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
                    throws java.io.IOException {
                res.setContentType("text/html;charset=UTF-8");
                res.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
            }
        }));
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(html);
    }

    private MockHttpServletRequest request(String method, String clientId, String scope, String state) {
        var request = new MockHttpServletRequest(method, "/consent");
        request.setServletPath("/consent");
        request.setSession(session);
        if (clientId != null) {
            request.setParameter("client_id", clientId);
            request.setParameter("scope", scope);
            request.setParameter("state", state);
        }
        return request;
    }
}
