package jp.kakehashi.banking.screens;

import java.security.Principal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.kakehashi.banking.transfer.Transfer;
import jp.kakehashi.banking.transfer.TransferConfirmations;
import jp.kakehashi.consent.GrantedServices;
import jp.kakehashi.shared.CustomerDateTimes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bank's own confirmation pages for transfers a TPP asked for (帯域外認証, B10): reached by the customer
 * on the bank's site, outside the TPP, signed in with a second factor (the customer screens' security chain asks for
 * it). They show who asked, the amount, fee and payee and until when, and take the customer's confirm or decline.
 * Another customer's transfer is indistinguishable from a missing one.
 */
@Controller
class TransferConfirmationController {

    private static final Pattern APPLY_NO = Pattern.compile("[0-9]{16}");

    private final TransferConfirmations confirmations;
    private final GrantedServices services;

    TransferConfirmationController(TransferConfirmations confirmations, GrantedServices services) {
        this.confirmations = confirmations;
        this.services = services;
    }

    @GetMapping("/transfer-confirmations")
    String list(Principal customer, Locale locale, Model model) {
        model.addAttribute("transfers", confirmations.awaiting(customer.getName()).stream()
                .map(t -> row(t, locale)).toList());
        return "transfer-confirmations";
    }

    @GetMapping("/transfer-confirmations/{applyNo}")
    String show(@PathVariable String applyNo, Principal customer, Locale locale, Model model) {
        Transfer transfer = confirmations.of(customer.getName(), valid(applyNo))
                .orElseThrow(TransferConfirmationController::notFound);
        model.addAttribute("transfer", row(transfer, locale));
        return "transfer-confirmation";
    }

    @PostMapping("/transfer-confirmations/{applyNo}/confirm")
    String confirm(@PathVariable String applyNo, Principal customer, RedirectAttributes redirect) {
        return answered(confirmations.confirm(customer.getName(), valid(applyNo)), applyNo, redirect);
    }

    @PostMapping("/transfer-confirmations/{applyNo}/decline")
    String decline(@PathVariable String applyNo, Principal customer, RedirectAttributes redirect) {
        return answered(confirmations.decline(customer.getName(), valid(applyNo)), applyNo, redirect);
    }

    private static String answered(TransferConfirmations.Answer answer, String applyNo, RedirectAttributes redirect) {
        String outcome = switch (answer) {
            case TransferConfirmations.Answer.Confirmed confirmed -> "confirmed";
            case TransferConfirmations.Answer.Declined declined -> "declined";
            case TransferConfirmations.Answer.NoLongerAwaiting late -> "too-late";
            case TransferConfirmations.Answer.NotFound missing -> throw notFound();
        };
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/transfer-confirmations/" + applyNo;
    }

    private static String valid(String applyNo) {
        if (!APPLY_NO.matcher(applyNo).matches()) {
            throw notFound();
        }
        return applyNo;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private Row row(Transfer t, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        var when = CustomerDateTimes.formatter(locale);
        NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
        var service = services.of(t.grantId());
        var p = t.payee();
        return new Row(t.applyNo(), service.map(s -> en ? s.english() : s.japanese()).orElse("-"),
                yen.format(t.amount().amount()), yen.format(t.fee().amount()),
                yen.format(t.totalDebitAmount().amount()),
                maskedAccount(t.accountId()), p.bankCode(), p.branchCode(), p.accountNumber(), p.name(),
                t.executionDate().toString(), format(when, t.confirmBy()), t.status().name(), t.statusReasonCode());
    }

    private static String format(DateTimeFormatter formatter, Instant instant) {
        return instant == null ? null : formatter.format(instant);
    }

    /** The debit account as on the consent screen: only its last four digits. */
    private static String maskedAccount(String accountId) {
        return "****" + accountId.substring(Math.max(0, accountId.length() - 4));
    }

    /** A transfer as the page shows it; amounts already formatted in yen. */
    record Row(String applyNo, String serviceName, String amount, String fee, String total, String debitAccount,
            String payeeBankCode, String payeeBranchCode, String payeeAccountNumber, String payeeName,
            String executionDate, String confirmBy, String status, String reason) {
    }
}
