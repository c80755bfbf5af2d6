package jp.kakehashi.admin;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals page (C4 maker-checker): pending requests with what they would do; approve, reject, withdraw. Why an
 * action refused to execute is shown in the viewer's language.
 */
@Controller
class ConsoleApprovals {

    private final StaffRequests requests;
    private final StaffAccounts accounts;
    private final MessageSource messages;

    ConsoleApprovals(StaffRequests requests, StaffAccounts accounts, MessageSource messages) {
        this.requests = requests;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/console/approvals")
    String list(Model model, Locale locale) {
        var pending = requests.pending();
        model.addAttribute("pending", pending);
        model.addAttribute("descriptions", pending.stream().collect(java.util.stream.Collectors.toMap(
                StaffRequest::id, request -> requests.describe(request, locale))));
        model.addAttribute("names", accounts.displayNames());
        // an action's refusal is a message key of its own area, or a closed reason's name that is shown as it is
        if (model.getAttribute("refusalDetail") instanceof String detail) {
            model.addAttribute("refusalDetailText", messages.getMessage(detail, null, detail, locale));
        }
        return "console/approvals";
    }

    @PostMapping("/console/approvals/{id}/decide")
    String decide(@PathVariable String id, @RequestParam String decision,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        StaffMember staff = StaffAuthentication.current().orElseThrow();
        Approval outcome = "approve".equals(decision) ? requests.approve(staff, id) : requests.reject(staff, id, note);
        return show(outcome, decision, redirect);
    }

    @PostMapping("/console/approvals/{id}/withdraw")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        return show(requests.withdraw(StaffAuthentication.current().orElseThrow(), id), "withdraw", redirect);
    }

    private static String show(Approval outcome, String verb, RedirectAttributes redirect) {
        switch (outcome) {
            case Approval.Decided decided -> redirect.addFlashAttribute("done", verb);
            case Approval.Refused refused -> {
                redirect.addFlashAttribute("refusal", refused.refusal().name());
                redirect.addFlashAttribute("refusalDetail", refused.detail());
            }
        }
        return "redirect:/console/approvals";
    }
}
