package jp.kakehashi.authorization.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer's passkeys (B3): list, add, remove. Adding and removing are Spring's WebAuthn endpoints
 * ({@code POST /webauthn/register}, {@code DELETE /webauthn/register/{id}}), which the security chain opens only to a
 * customer who has already passed a second factor in this session.
 */
@Controller
class PasskeysController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private final RequestCache requests = new HttpSessionRequestCache();
    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;

    PasskeysController(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    @GetMapping("/passkeys")
    String passkeys(Model model, HttpServletRequest request, HttpServletResponse response) {
        var customer = (CustomerAuthentication) SecurityContextHolder.getContext().getAuthentication();
        if (!customer.acr().satisfies(AuthenticationLevel.MFA)) {
            // the second-factor page brings the customer back here once passed
            requests.saveRequest(request, response);
            return "redirect:/login/otp";
        }
        var user = users.findByUsername(customer.customerId());
        List<Passkey> passkeys = user == null ? List.of()
                : credentials.findByUserId(user.getId()).stream().map(PasskeysController::shown).toList();
        model.addAttribute("passkeys", passkeys);
        return "passkeys";
    }

    /** Where Spring's registration script goes after adding or removing a passkey. */
    @GetMapping("/webauthn/register")
    String registered() {
        return "redirect:/passkeys?success";
    }

    private static Passkey shown(CredentialRecord record) {
        return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
                format(record.getCreated()), format(record.getLastUsed()));
    }

    private static String format(java.time.Instant instant) {
        return instant == null ? null : SHOWN.format(instant.atZone(BusinessClock.TOKYO));
    }

    record Passkey(String id, String label, String created, String lastUsed) {
    }
}
