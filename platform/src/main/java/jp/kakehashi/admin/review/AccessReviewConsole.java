package jp.kakehashi.admin.review;

import java.time.YearMonth;
import java.util.Optional;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffAuthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's page of the access-log review (C4): one month's log, counts, integrity, sign-off. */
@Controller
class AccessReviewConsole {

    /** Entries listed on the page; counts and the fingerprint always cover the whole month. */
    static final int LISTED = 500;

    private final AccessReviews reviews;
    private final StaffAccounts accounts;

    AccessReviewConsole(AccessReviews reviews, StaffAccounts accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    /** The month's log; {@code staff} and {@code target} narrow the entries listed, never the counts or sign-off. */
    @GetMapping("/console/access-review")
    String show(@RequestParam Optional<YearMonth> month, @RequestParam(defaultValue = "") String staff,
            @RequestParam(defaultValue = "") String target, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("target", target);
        return page(month.orElseGet(reviews::previousMonth), "", model);
    }

    @PostMapping("/console/access-review/sign-off")
    String signOff(@RequestParam YearMonth month, @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String fingerprint, Model model, RedirectAttributes redirect) {
        var outcome = reviews.signOff(StaffAuthentication.current().orElseThrow(), month, comment, fingerprint);
        if (outcome instanceof SignOff.Refused refused) {
            model.addAttribute("refusal", refused.refusal().name());
            return page(month, comment, model);
        }
        redirect.addFlashAttribute("signed", true);
        return "redirect:/console/access-review?month=" + month;
    }

    private String page(YearMonth month, String comment, Model model) {
        MonthReview review = reviews.review(month);
        model.addAttribute("review", review);
        String staff = (String) model.getAttribute("staff");
        String target = (String) model.getAttribute("target");
        model.addAttribute("listed", review.entries().reversed().stream()
                .filter(entry -> staff == null || staff.isBlank() || entry.staffId().equals(staff))
                .filter(entry -> target == null || target.isBlank()
                        || (entry.target() != null && entry.target().contains(target)))
                .limit(LISTED).toList());
        model.addAttribute("previous", month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1));
        model.addAttribute("comment", comment);
        model.addAttribute("names", accounts.displayNames());
        return "console/access-review";
    }
}
