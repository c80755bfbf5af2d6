package jp.kakehashi.authorization.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Optional;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.grant.GrantChange;
import jp.kakehashi.authorization.grant.RequestedGrantChanges;
import jp.kakehashi.authorization.policy.ScopePolicy;
import jp.kakehashi.authorization.rar.RequestedTransfers;
import jp.kakehashi.authorization.rar.TransferDetail;
import jp.kakehashi.consent.AccountDirectory.ConsentableAccount;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.consent.NewGrant;
import jp.kakehashi.consent.RenderedConsent;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns the customer's "agree" on the consent screen into a grant with its consent record (D5). Runs inside
 * Spring's consent provider, before the code is issued; a decision that does not hold up (no account chosen, an
 * account that is not the customer's, a sign-in too weak for the rights) stops the flow with an error to the TPP.
 * A single-transfer request (RFC 9396) is granted for exactly one account of the customer's to pay from. The record
 * keeps the page as rendered ({@link RenderedConsentPages}: the page itself and its hash) and the sign-in level; an
 * agreement to a page the bank did not render in this customer's session for this client's request and every right
 * it grants is refused, since there would be nothing to show for it later (D5).
 */
@Component
public class ConsentDecisions implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

    private final ConsentScreen screen;
    private final ScopePolicy policy;
    private final Grants grants;
    private final RequestedGrantChanges changes;

    ConsentDecisions(ConsentScreen screen, ScopePolicy policy, Grants grants, RequestedGrantChanges changes) {
        this.screen = screen;
        this.policy = policy;
        this.grants = grants;
        this.changes = changes;
    }

    /**
     * The rights the tokens of a consent will carry: those requested, and for a {@code merge} also those the grant
     * already has (Grant Management §5.2), so the sign-in level, the expiry and the screen are decided for all of them.
     */
    static Set<String> granted(Set<String> requested, Optional<GrantChange> change) {
        if (change.isEmpty() || change.get().replaces()) {
            return requested;
        }
        Set<String> all = new java.util.TreeSet<>(requested);
        all.addAll(change.get().grant().scopes());
        return all;
    }

    @Override
    public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
        if (consent.getScopes().isEmpty()) {
            return;
        }
        var authorization = context.getAuthorization();
        var request = context.getAuthorizationRequest();
        if (!(authorization.getAttribute(Principal.class.getName()) instanceof CustomerAuthentication customer)) {
            throw denied(OAuth2ErrorCodes.ACCESS_DENIED, "not signed in as a customer", context);
        }
        Optional<GrantChange> change;
        try {
            change = changes.of(request, customer.customerId());
        }
        catch (RequestedGrantChanges.NotChangeable ended) {
            throw denied(AuthorizationErrorCode.INVALID_GRANT_ID.code(), "the grant can no longer be changed", context);
        }
        Set<String> scopes = granted(request.getScopes(), change);
        var decision = policy.decide(scopes, customer.segment());
        var current = (CustomerAuthentication) consent.getPrincipal();
        if (!current.acr().satisfies(decision.requiredLevel())) {
            throw denied(OAuth2ErrorCodes.ACCESS_DENIED, "the sign-in level is too low for these rights", context);
        }
        Map<String, Object> parameters = consent.getAdditionalParameters();
        Locale locale = "en".equals(parameters.get("ui_locale")) ? Locale.ENGLISH : Locale.JAPANESE;
        var view = screen.view(current, request.getClientId(), scopes, locale)
                .orElseThrow(() -> denied(OAuth2ErrorCodes.ACCESS_DENIED, "unknown client", context));
        List<String> chosen = values(parameters.get("account"));
        var page = RenderedConsentPages.take(request.getClientId(), consent.getState())
                .orElseThrow(() -> denied(OAuth2ErrorCodes.ACCESS_DENIED, "the consent page was not shown", context));
        if (!page.scopes().containsAll(request.getScopes())) {
            // D5: the record must show the customer saw every right granted, not a page of another request
            throw denied(OAuth2ErrorCodes.ACCESS_DENIED, "the consent page shown was not for these rights", context);
        }
        var rendered = new RenderedConsent(page.templateVersion(), page.pageSha256(), page.confirmationText(),
                current.acr().name(), page.page());
        var transfer = RequestedTransfers.of(request);
        if (transfer.isPresent()) {
            grants.open(transferGrant(context, customer, view, transfer.get(), chosen, rendered));
            return;
        }
        var allowed = view.accounts().stream().map(a -> a.accountId()).toList();
        if (view.needsAccounts() && (chosen.isEmpty() || !allowed.containsAll(chosen))) {
            throw denied(OAuth2ErrorCodes.ACCESS_DENIED, "no valid account was chosen", context);
        }
        if (change.isPresent()) {
            // the grant keeps its id; its earlier tokens end with the change (Grant Management §5.2)
            var shownChange = screen.change(change.get(), view);
            var agreed = new NewGrant(change.get().grant().id(), customer.customerId(), view.tpp().id(),
                    request.getClientId(), request.getScopes(), chosen, view.expiresAt(), view.language(),
                    ConsentScreen.TEMPLATE, screen.shown(view, chosen, shownChange), List.of(), rendered);
            if (grants.change(agreed, authorization.getId(), change.get().replaces()).isEmpty()) {
                throw denied(AuthorizationErrorCode.INVALID_GRANT_ID.code(), "the grant can no longer be changed",
                        context);
            }
            return;
        }
        grants.open(new NewGrant(authorization.getId(), customer.customerId(), view.tpp().id(),
                request.getClientId(), scopes, chosen, view.expiresAt(), view.language(), ConsentScreen.TEMPLATE,
                screen.shown(view, chosen), List.of(), rendered));
    }

    /**
     * A grant for one transfer (RFC 9396): paid from the account the TPP named, or else the one account the customer
     * chose on the screen; either must be the customer's own. The approved detail names that account, and the
     * record keeps the transfer as shown.
     */
    private NewGrant transferGrant(OAuth2AuthorizationConsentAuthenticationContext context,
            CustomerAuthentication customer, ConsentScreen.ConsentView view, TransferDetail requested,
            List<String> chosen, RenderedConsent rendered) {
        var shownTransfer = screen.transfer(requested, view);
        String debtorId = requested.debtorAccountId() != null ? requested.debtorAccountId()
                : chosen.size() == 1 ? chosen.get(0) : null;
        ConsentableAccount debtor = view.accounts().stream().filter(a -> a.accountId().equals(debtorId))
                .findFirst().orElseThrow(() -> denied(OAuth2ErrorCodes.ACCESS_DENIED,
                        "no account of the customer to pay from", context));
        var request = context.getAuthorizationRequest();
        List<String> accounts = List.of(debtor.accountId());
        return new NewGrant(context.getAuthorization().getId(), customer.customerId(), view.tpp().id(),
                request.getClientId(), request.getScopes(), accounts, view.expiresAt(), view.language(),
                ConsentScreen.TEMPLATE, screen.shown(view, accounts, shownTransfer, debtor),
                List.of(requested.withDebtor(debtor.accountId()).toJson()), rendered);
    }

    private static List<String> values(Object parameter) {
        if (parameter instanceof String single) {
            return List.of(single);
        }
        if (parameter instanceof String[] many) {
            return Arrays.stream(many).distinct().toList();
        }
        return List.of();
    }

    /** An error that goes back to the TPP's redirect URI (with its state and our iss), as Spring's own would. */
    private static OAuth2AuthorizationCodeRequestAuthenticationException denied(String code, String description,
            OAuth2AuthorizationConsentAuthenticationContext context) {
        var request = context.getAuthorizationRequest();
        var attempted = new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                request.getClientId(), (org.springframework.security.core.Authentication) context.getAuthentication()
                        .getPrincipal(), request.getRedirectUri(), request.getState(), request.getScopes(), null);
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null),
                attempted);
    }
}
