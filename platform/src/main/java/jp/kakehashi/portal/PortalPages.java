package jp.kakehashi.portal;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kakehashi.shared.CustomerDateTimes;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's public front page, its sign-in and the signed-in home with each TPP's sections (A1). */
@Controller
class PortalPages {

    private final PortalAccounts accounts;
    private final Tpps tpps;
    private final List<PortalSection> sections;

    PortalPages(PortalAccounts accounts, Tpps tpps, List<PortalSection> sections) {
        this.accounts = accounts;
        this.tpps = tpps;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PortalSection::position)).toList();
    }

    @GetMapping({"/portal", "/portal/"})
    String index() {
        return "portal/index";
    }

    @GetMapping("/portal/login")
    String login() {
        return "portal/login";
    }

    @GetMapping("/portal/home")
    String home(Principal principal, Locale locale, Model model) {
        List<HomeTpp> shown = accounts.tppIdsOf(principal.getName()).stream()
                .map(tpps::find).flatMap(Optional::stream)
                .map(tpp -> new HomeTpp(tpp, sectionsOf(tpp.id(), locale))).toList();
        model.addAttribute("account", principal.getName());
        model.addAttribute("tpps", shown);
        model.addAttribute("dates", CustomerDateTimes.formatter(locale));
        return "portal/home";
    }

    private List<Shown> sectionsOf(String tppId, Locale locale) {
        return sections.stream()
                .flatMap(section -> section.content(tppId, locale).stream()
                        .map(content -> new Shown(section.template(), content)))
                .toList();
    }

    /** One TPP of the account with the sections to show for it. */
    record HomeTpp(Tpp tpp, List<Shown> sections) {
    }

    /** A section's template and what its fragment gets. */
    record Shown(String template, Object content) {
    }
}
