package jp.kakehashi.authorization.customer;

import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Turns a verified passkey assertion into the bank's {@link CustomerAuthentication} at the MFA level (B3), instead of
 * Spring's {@code WebAuthnAuthentication}, so that tokens carry the same {@code sub}, {@code acr} and {@code amr} as
 * after password and TOTP. A customer already signed in with a password is stepped up; a passkey of another customer
 * is refused then, so a shared browser cannot swap who is consenting in the middle of an authorization.
 * <p>
 * {@code amr} follows RFC 8176: {@code hwk} (proof of possession of a key) and {@code user} (user presence and
 * verification were required).
 */
@Component
public class PasskeyAuthenticationManager implements AuthenticationManager {

    static final String METHOD = "hwk";

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final CustomerCredentials credentials;
    private final Clock clock;

    PasskeyAuthenticationManager(WebAuthnRelyingPartyOperations relyingParty, CustomerCredentials credentials,
            Clock clock) {
        this.relyingParty = relyingParty;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof WebAuthnAuthenticationRequestToken request)) {
            throw new BadCredentialsException("not a passkey assertion");
        }
        String customerId;
        try {
            customerId = relyingParty.authenticate(request.getWebAuthnRequest()).getName();
        }
        catch (RuntimeException ex) {
            throw new BadCredentialsException("the passkey assertion does not verify", ex);
        }
        var now = clock.instant();
        var customer = credentials.byCustomerId(customerId)
                .orElseThrow(() -> new BadCredentialsException("no such customer"));
        if (customer.isLockedAt(now)) {
            throw new LockedException("locked");
        }
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current instanceof CustomerAuthentication signedIn) {
            if (!signedIn.customerId().equals(customerId)) {
                throw new BadCredentialsException("the passkey belongs to another customer");
            }
            return signedIn.steppedUp(METHOD, now);
        }
        return new CustomerAuthentication(customer.customerId(), customer.loginId(), customer.displayName(),
                customer.segment(), AuthenticationLevel.MFA, List.of(METHOD, "user"), now);
    }
}
