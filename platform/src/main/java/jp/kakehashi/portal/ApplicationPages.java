package jp.kakehashi.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.portal.ApplicationFormCheck.Checked;
import jp.kakehashi.tpp.screening.Checklist;
import jp.kakehashi.tpp.screening.ChecklistItem;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The application form (A1): a TPP applies to connect and opens its portal account with it. A refused form comes
 * back with every problem on its field and everything typed kept (passwords excepted); a submitted one signs the
 * applicant in and shows its status.
 */
@Controller
class ApplicationPages {

    private final Checklist checklist;
    private final ApplicationIntake intake;

    ApplicationPages(Checklist checklist, ApplicationIntake intake) {
        this.checklist = checklist;
        this.intake = intake;
    }

    @GetMapping("/portal/apply")
    String form(Model model) {
        List<ChecklistItem> items = checklist.current();
        var form = new ApplicationForm();
        form.setItemIds(items.stream().map(ChecklistItem::id).toList());
        return show(form, items, model);
    }

    @PostMapping("/portal/apply")
    String submit(@ModelAttribute("form") ApplicationForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        List<ChecklistItem> items = checklist.current();
        Optional<Checked> checked = new ApplicationFormCheck(form, errors).check(items);
        if (checked.isEmpty()) {
            return refused(form, items, model);
        }
        var outcome = intake.submit(checked.get().application(), checked.get().answers(), form.getPassword(),
                request.getRemoteAddr());
        if (outcome instanceof ApplicationIntake.Intake.AccountTaken) {
            errors.rejectValue("email", "portal.apply.error.accountTaken");
            return refused(form, items, model);
        }
        if (outcome instanceof ApplicationIntake.Intake.TooMany) {
            errors.reject("portal.apply.error.tooMany");
            return refused(form, items, model);
        }
        signIn(checked.get().application().applicantEmail(), request, response);
        return "redirect:/portal/home?applied";
    }

    private String refused(ApplicationForm form, List<ChecklistItem> items, Model model) {
        form.setPassword(null);
        form.setPasswordConfirmation(null);
        form.setItemIds(items.stream().map(ChecklistItem::id).toList());
        return show(form, items, model);
    }

    private static String show(ApplicationForm form, List<ChecklistItem> items, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("items", items);
        model.addAttribute("scopesByClass", ApiScopes.BY_CLASS);
        return "portal/apply";
    }

    /** The applicant has just set the password: no second sign-in, a fresh session id as after any sign-in. */
    private static void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(email, null,
                AuthorityUtils.createAuthorityList("ROLE_" + PortalSecurity.ROLE));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        request.getSession();
        request.changeSessionId();
        PortalSecurity.contextRepository().saveContext(context, request, response);
    }
}
