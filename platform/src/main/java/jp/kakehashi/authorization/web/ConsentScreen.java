package jp.kakehashi.authorization.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.grant.GrantChange;
import jp.kakehashi.authorization.policy.ScopePolicy;
import jp.kakehashi.authorization.rar.RequestedTransfers;
import jp.kakehashi.authorization.rar.TransferDetail;
import jp.kakehashi.consent.AccountDirectory;
import jp.kakehashi.consent.AccountDirectory.ConsentableAccount;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Everything the consent screen shows (D1–D4), computed once so that the page and the consent record (D5) say the
 * same: the TPP and its service, each right in plain words, payment rights apart (D2), the accounts, the expiry and
 * the longest the access can last, how to revoke, that the TPP is not the bank or its agent (D3), and the contact
 * points of both (D4). A request for a single transfer (RFC 9396) shows that transfer itself: amount, payee and the
 * account it is paid from, or the choice of one.
 */
@Component
public class ConsentScreen {

    /** The template's name; its version is derived from its content ({@link ConsentTemplateVersion}, D5). */
    static final String TEMPLATE = "consent";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final Tpps tpps;
    private final ScopePolicy policy;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final BankContacts bank;
    private final RequestedTransfers transfers;

    ConsentScreen(Tpps tpps, ScopePolicy policy, AccountDirectory accounts, MessageSource messages, Clock clock,
            RequestedTransfers transfers,
            @Value("${kakehashi.bank.name}") String bankName, @Value("${kakehashi.bank.name-en}") String bankNameEn,
            @Value("${kakehashi.bank.inquiry-phone}") String bankPhone,
            @Value("${kakehashi.bank.inquiry-url}") String bankUrl) {
        this.tpps = tpps;
        this.policy = policy;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
        this.bank = new BankContacts(bankName, bankNameEn, bankPhone, bankUrl);
        this.transfers = transfers;
    }

    /** The screen for a customer asked by a client for some scopes; empty when the client's TPP is unknown. */
    public java.util.Optional<ConsentView> view(CustomerAuthentication customer, String clientId,
            Collection<String> scopes, Locale locale) {
        var client = tpps.findClient(clientId);
        if (client.isEmpty()) {
            return java.util.Optional.empty();
        }
        Tpp tpp = tpps.find(client.get().tppId()).orElseThrow();
        var decision = policy.decide(scopes, customer.segment());
        List<ScopeLine> lines = new ArrayList<>();
        scopes.stream().filter(s -> !"openid".equals(s)).sorted().forEach(scope -> lines.add(new ScopeLine(scope,
                text("scope." + scope + ".title", locale), text("scope." + scope + ".detail", locale),
                policy.isPayment(scope))));
        boolean needsAccounts = !lines.isEmpty();
        // whole seconds, so the expiry shown and recorded is exactly the one stored with the grant
        Instant expiresAt = clock.instant().plus(decision.grantLifetime()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return java.util.Optional.of(new ConsentView(tpp, client.get().clientName(), lines,
                needsAccounts ? accounts.accountsOf(customer.customerId()) : List.of(), needsAccounts,
                decision.payment(), expiresAt, format(expiresAt, locale), decision.accessTokenTtl().toMinutes(),
                bank, locale.getLanguage()));
    }

    /**
     * The transfer of the authorization awaiting consent under {@code state} (the consent page's own parameter), as
     * the page shows it; null when it asks for none. The detail is read from the pushed request, never the URL.
     */
    public TransferView transferFor(String state, CustomerAuthentication customer, ConsentView view) {
        return transfers.awaitingConsent(state, customer.getName()).map(detail -> transfer(detail, view))
                .orElse(null);
    }

    /** A transfer as the screen shows it to the customer looking at {@code view}. */
    public TransferView transfer(TransferDetail detail, ConsentView view) {
        Locale locale = Locale.forLanguageTag(view.language());
        String amount = java.text.NumberFormat.getIntegerInstance(Locale.JAPAN).format(detail.amountYen());
        var creditor = detail.creditor();
        ConsentableAccount debtor = detail.debtorAccountId() == null ? null : view.accounts().stream()
                .filter(a -> a.accountId().equals(detail.debtorAccountId())).findFirst().orElse(null);
        return new TransferView(detail, messages.getMessage("transfer.amount", new Object[] {amount}, locale), creditor.bankCode(),
                creditor.branchCode(), text("transfer.account-type." + creditor.accountTypeCode(), locale),
                creditor.accountNumber(), creditor.name(), detail.remittanceInformation(), debtor,
                detail.debtorAccountId() == null ? view.accounts() : List.of(),
                detail.debtorAccountId() != null && debtor == null);
    }

    /** What the record keeps of a screen with a transfer, paid from {@code debtor} (D5). */
    public Map<String, Object> shown(ConsentView view, List<String> chosenAccountIds, TransferView transfer,
            ConsentableAccount debtor) {
        Map<String, Object> shown = shown(view, chosenAccountIds);
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("type", TransferDetail.TYPE);
        lines.put("amountYen", transfer.detail().amountYen());
        lines.put("amountShown", transfer.amountText());
        lines.put("creditor", Map.of("bankCode", transfer.bankCode(), "branchCode", transfer.branchCode(),
                "accountType", transfer.accountTypeName(), "accountNumber", transfer.accountNumber(),
                "name", transfer.name()));
        lines.put("debtor", Map.of("accountId", debtor.accountId(), "label", debtor.label()));
        if (transfer.remittanceInformation() != null) {
            lines.put("remittanceInformation", transfer.remittanceInformation());
        }
        shown.put("transfer", lines);
        return shown;
    }

    /** The words of the confirmation the customer ticks to agree (D2, kept by D5): a transfer's, a payment right's, or
     * the plain one. */
    public String confirmation(ConsentView view, boolean transfer) {
        Locale locale = Locale.forLanguageTag(view.language());
        return text(transfer ? "consent.confirm.transfer" : view.payment() ? "consent.confirm.payment"
                : "consent.confirm", locale);
    }

    /** What the record keeps of a screen the customer agreed on (D5), in the words shown. */
    public Map<String, Object> shown(ConsentView view, List<String> chosenAccountIds) {
        Locale locale = Locale.forLanguageTag(view.language());
        Tpp tpp = view.tpp();
        Map<String, Object> shown = new LinkedHashMap<>();
        boolean en = "en".equals(view.language());
        shown.put("tpp", Map.of("id", tpp.id(), "name", en ? tpp.legalNameEn() : tpp.legalName(),
                "service", en ? tpp.serviceNameEn() : tpp.serviceName(), "representative", tpp.representative(),
                "address", tpp.address(), "phone", tpp.contactPhone(), "email", tpp.contactEmail(),
                "registrationNumber", String.valueOf(tpp.registrationNumber()),
                "inquiryUrl", String.valueOf(tpp.inquiryUrl())));
        shown.put("rights", view.scopes().stream().map(s -> Map.of("scope", s.scope(), "title", s.title(),
                "detail", s.detail(), "payment", s.payment())).toList());
        shown.put("accounts", view.accounts().stream().filter(a -> chosenAccountIds.contains(a.accountId()))
                .map(a -> Map.of("accountId", a.accountId(), "label", a.label())).toList());
        shown.put("expiresAt", view.expiresAt().toString());
        shown.put("expiresAtShown", view.expiresAtText());
        shown.put("accessTokenMinutes", view.accessTokenMinutes());
        shown.put("notices", List.of(text("consent.notice.not-bank", locale),
                text("consent.notice.revoke", locale), text("consent.notice.tpp-data", locale)));
        shown.put("bankContact", Map.of("name", en ? bank.nameEn() : bank.name(), "phone", bank.phone(),
                "url", bank.url()));
        return shown;
    }

    /**
     * What the screen tells the customer of a consent that changes an existing connection (Grant Management §5.2):
     * that it adds to it ({@code merge}) or replaces what it allows ({@code replace}), naming the service, since when
     * it is connected and, for a replace, the rights that end.
     */
    public ChangeView change(GrantChange change, ConsentView view) {
        Locale locale = Locale.forLanguageTag(view.language());
        boolean en = "en".equals(view.language());
        String key = change.replaces() ? "consent.change.replace" : "consent.change.merge";
        String previous = String.join(en ? ", " : "、", change.grant().scopes().stream()
                .filter(s -> !"openid".equals(s)).sorted().map(s -> text("scope." + s + ".title", locale)).toList());
        String text = messages.getMessage(key, new Object[] {en ? view.tpp().serviceNameEn() : view.tpp().serviceName(),
                format(change.grant().createdAt(), locale), previous}, locale);
        return new ChangeView(change.action().value(), change.grant().id(), text(key + ".heading", locale), text,
                change.replaces() ? java.util.Set.of() : change.grant().scopes());
    }

    /** What the record keeps of a screen that changed a connection, besides {@link #shown(ConsentView, List)} (D5). */
    public Map<String, Object> shown(ConsentView view, List<String> chosenAccountIds, ChangeView change) {
        Map<String, Object> shown = shown(view, chosenAccountIds);
        shown.put("grantManagement", Map.of("action", change.action(), "grantId", change.grantId(),
                "heading", change.heading(), "notice", change.text()));
        return shown;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String format(Instant instant, Locale locale) {
        String pattern = "en".equals(locale.getLanguage()) ? "d MMM uuuu HH:mm 'JST'" : "uuuu年M月d日 HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(TOKYO).format(instant);
    }

    /**
     * A consent that changes an existing connection, as the screen shows it.
     *
     * @param action   {@code merge} or {@code replace}
     * @param grantId  the connection's grant
     * @param heading  the warning's heading
     * @param text     the warning
     * @param existing the rights the connection has already, which a merge keeps (empty for a replace)
     */
    public record ChangeView(String action, String grantId, String heading, String text,
            java.util.Set<String> existing) {

        /** Whether the screen's right {@code scope} is one a merge adds. */
        public boolean adds(String scope) {
            return "merge".equals(action) && !existing.contains(scope);
        }
    }

    /** One right on the screen. */
    public record ScopeLine(String scope, String title, String detail, boolean payment) {
    }

    /**
     * A single transfer on the screen (RFC 9396 detail {@value TransferDetail#TYPE}).
     *
     * @param detail         the transfer as pushed
     * @param amountText     the amount in yen with separators
     * @param debtor         the account it is paid from, when the TPP named one of the customer's accounts
     * @param debtorChoices  the customer's accounts to choose one from, when the TPP named none
     * @param debtorNotOwned the TPP named an account that is not the customer's: the screen cannot be agreed to
     */
    public record TransferView(TransferDetail detail, String amountText, String bankCode, String branchCode,
            String accountTypeName, String accountNumber, String name, String remittanceInformation,
            ConsentableAccount debtor, List<ConsentableAccount> debtorChoices, boolean debtorNotOwned) {
    }

    /** The bank's own contact point (D4). */
    public record BankContacts(String name, String nameEn, String phone, String url) {
    }

    /**
     * The whole screen.
     *
     * @param tpp                who asks
     * @param clientName         the client (app) name
     * @param scopes             the rights, in order
     * @param accounts           the customer's accounts to choose from
     * @param needsAccounts      whether the customer must choose at least one
     * @param payment            whether any right moves money (the screen then looks different, D2)
     * @param expiresAt          the grant's end
     * @param expiresAtText      the end as shown
     * @param accessTokenMinutes how long each access token lives
     * @param bank               the bank's contacts
     * @param language           ja or en
     */
    public record ConsentView(Tpp tpp, String clientName, List<ScopeLine> scopes, List<ConsentableAccount> accounts,
            boolean needsAccounts, boolean payment, Instant expiresAt, String expiresAtText, long accessTokenMinutes,
            BankContacts bank, String language) {
    }
}
