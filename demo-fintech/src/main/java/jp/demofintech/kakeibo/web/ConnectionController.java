package jp.demofintech.kakeibo.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import jp.demofintech.kakeibo.KakeiboProperties;
import jp.demofintech.kakeibo.bank.BankConnection;
import jp.demofintech.kakeibo.bank.BankConnector;
import jp.demofintech.kakeibo.bank.PendingAuthorization;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Connecting a bank account and ending the connection: the top page, the redirect to the bank, the bank's answer at
 * {@code /callback}, and {@code 連携を解除}.
 */
@Controller
class ConnectionController {

    private final BankConnector connector;
    private final URI redirectUri;

    ConnectionController(BankConnector connector, KakeiboProperties properties) {
        this.connector = connector;
        this.redirectUri = properties.bank().redirectUri();
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        if (CustomerSession.connection(request) != null) {
            return "redirect:/accounts";
        }
        model.addAttribute("disconnected", request.getParameter("disconnected") != null);
        return "index";
    }

    @PostMapping("/connect")
    String connect(HttpServletRequest request) {
        PendingAuthorization pending = connector.start();
        CustomerSession.pending(request, pending);
        return "redirect:" + pending.bankUrl();
    }

    @GetMapping("/callback")
    String callback(HttpServletRequest request, Model model) {
        PendingAuthorization pending = CustomerSession.takePending(request);
        if (pending == null) {
            model.addAttribute("title", "この連携のお手続きは見つかりませんでした");
            model.addAttribute("detail", "お手続きの有効期限が切れたか、別の画面で完了しています。最初からやり直してください。");
            return "problem";
        }
        // the configured redirect URI, not the Host header: the answer is read exactly as the bank addressed it
        URI callback = URI.create(redirectUri + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        BankConnection connection = connector.finish(pending, callback);
        CustomerSession.connected(request, connection);
        return "redirect:/accounts";
    }

    @PostMapping("/disconnect")
    String disconnect(HttpServletRequest request) {
        BankConnection connection = CustomerSession.connection(request);
        if (connection != null) {
            connector.revoke(connection);
        }
        CustomerSession.forget(request);
        return "redirect:/?disconnected";
    }
}
