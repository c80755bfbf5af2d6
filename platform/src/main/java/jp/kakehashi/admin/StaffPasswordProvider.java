package jp.kakehashi.admin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The console's first factor: a staff login and password, giving a session that reaches only the OTP page. Not a
 * bean: Spring Security makes a lone {@code AuthenticationProvider} bean the global one, and with a second such bean
 * it would take the passkey manager instead, whose refusal of every other token then hides the resource server's
 * {@code invalid_token} answers (found by {@code ReadApiTokenTest}). {@link ConsoleSecurity} makes it for its chain.
 */
class StaffPasswordProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;

    StaffPasswordProvider(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        return accounts.checkPassword(login, password).<Authentication>map(StaffAuthentication::passwordOnly)
                .orElseThrow(() -> accounts.isLocked(login) ? new LockedException("locked")
                        : new BadCredentialsException("bad credentials"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
