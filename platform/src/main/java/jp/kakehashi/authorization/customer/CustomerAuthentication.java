package jp.kakehashi.authorization.customer;

import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * A customer signed in by the bank (B2), with how strongly (B3): {@code acr} is the authentication level, {@code amr}
 * the methods used, {@code authTime} when the customer last proved who they are. Its name is the customer id, which
 * is the {@code sub} of every token.
 */
public final class CustomerAuthentication extends AbstractAuthenticationToken {

    /** The authority of a TOTP second factor (Spring has none for TOTP; its OTT is a one-time link). */
    public static final String OTP_AUTHORITY = "FACTOR_OTP";

    private final String customerId;
    private final String loginId;
    private final String displayName;
    private final String segment;
    private final AuthenticationLevel acr;
    private final List<String> amr;
    private final Instant authTime;

    public CustomerAuthentication(String customerId, String loginId, String displayName, String segment,
            AuthenticationLevel acr, List<String> amr, Instant authTime) {
        super(authorities(amr, authTime));
        this.customerId = customerId;
        this.loginId = loginId;
        this.displayName = displayName;
        this.segment = segment;
        this.acr = acr;
        this.amr = List.copyOf(amr);
        this.authTime = authTime;
        setAuthenticated(true);
    }

    /**
     * The customer role and one Spring Security factor authority per method used, stamped with the sign-in time,
     * from which Spring's token generators take {@code auth_time}.
     */
    private static List<GrantedAuthority> authorities(List<String> amr, Instant authTime) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(AuthorityUtils.createAuthorityList("ROLE_CUSTOMER"));
        for (String method : amr) {
            String factor = factorOf(method);
            if (factor != null) {
                authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(authTime).build());
            }
        }
        return authorities;
    }

    /** Spring's factor names where it has one, so its own rules (e.g. passkey registration) recognise them. */
    private static String factorOf(String method) {
        return switch (method) {
            case "pwd" -> FactorGrantedAuthority.PASSWORD_AUTHORITY;
            case "hwk" -> FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
            case "otp" -> OTP_AUTHORITY;
            default -> null;
        };
    }

    /** The same customer after a second factor: level raised, method added, time renewed. */
    public CustomerAuthentication steppedUp(String method, Instant now) {
        var methods = new java.util.ArrayList<>(amr);
        if (!methods.contains(method)) {
            methods.add(method);
        }
        return new CustomerAuthentication(customerId, loginId, displayName, segment, AuthenticationLevel.MFA,
                methods, now);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return customerId;
    }

    @Override
    public String getName() {
        return customerId;
    }

    public String customerId() {
        return customerId;
    }

    public String loginId() {
        return loginId;
    }

    public String displayName() {
        return displayName;
    }

    public String segment() {
        return segment;
    }

    public AuthenticationLevel acr() {
        return acr;
    }

    public List<String> amr() {
        return amr;
    }

    public Instant authTime() {
        return authTime;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerAuthentication that && super.equals(that) && authTime.equals(that.authTime)
                && acr == that.acr;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + authTime.hashCode();
    }
}
