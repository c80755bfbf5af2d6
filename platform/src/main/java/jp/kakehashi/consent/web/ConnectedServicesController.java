package jp.kakehashi.consent.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.shared.CustomerDateTimes;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The connected services page (連携サービス一覧, D1 "how to revoke"): every live grant of the signed-in customer with its
 * rights, accounts, expiry and last use, and revocation in one action after a warning step (D2), effective at once
 * (B8). Another customer's grant is indistinguishable from a missing one.
 */
@Controller
class ConnectedServicesController {


    private final Grants grants;
    private final Tpps tpps;

    ConnectedServicesController(Grants grants, Tpps tpps) {
        this.grants = grants;
        this.tpps = tpps;
    }

    @GetMapping("/connected-services")
    String list(Principal customer, Locale locale, Model model) {
        model.addAttribute("services", grants.activeOf(customer.getName()).stream()
                .map(grant -> row(grant, locale)).toList());
        return "connected-services";
    }

    @GetMapping("/connected-services/{grantId}/revoke")
    String confirm(@PathVariable String grantId, Principal customer, Locale locale, Model model) {
        Grant grant = grants.find(grantId).filter(g -> g.customerId().equals(customer.getName()))
                .filter(g -> g.status() == jp.kakehashi.consent.GrantStatus.ACTIVE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("service", row(grant, locale));
        return "revoke-confirm";
    }

    @PostMapping("/connected-services/{grantId}/revoke")
    String revoke(@PathVariable String grantId, Principal customer, RedirectAttributes redirect) {
        if (!grants.revokeByCustomer(grantId, customer.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/connected-services";
    }

    private ServiceRow row(Grant grant, Locale locale) {
        Tpp tpp = tpps.find(grant.tppId()).orElseThrow();
        boolean en = "en".equals(locale.getLanguage());
        var formatter = CustomerDateTimes.formatter(locale);
        List<String> accounts = grants.consentRecordOf(grant.id())
                .map(record -> accountLabels(record.shown())).orElse(List.of());
        return new ServiceRow(grant.id(), en ? tpp.serviceNameEn() : tpp.serviceName(),
                en ? tpp.legalNameEn() : tpp.legalName(), grant.scopes().stream().filter(s -> !"openid".equals(s))
                        .sorted().toList(), accounts, formatter.format(grant.createdAt()),
                formatter.format(grant.expiresAt()),
                grant.lastUsedAt() == null ? null : formatter.format(grant.lastUsedAt()), tpp.contactPhone());
    }

    @SuppressWarnings("unchecked")
    private static List<String> accountLabels(Map<String, Object> shown) {
        return ((List<Map<String, Object>>) shown.getOrDefault("accounts", List.of())).stream()
                .map(a -> String.valueOf(a.get("label"))).toList();
    }

    /** One connected service as the page shows it. */
    record ServiceRow(String grantId, String serviceName, String companyName, List<String> scopes,
            List<String> accounts, String since, String expires, String lastUsed, String tppPhone) {
    }
}
