package jp.kakehashi.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A staff member signed in to the console. After the password alone it carries only {@link #PASSWORD_ONLY}, which
 * reaches nothing but the one-time-password page; the roles ({@code ROLE_REVIEWER}…) come with the second factor, so
 * every rule naming a role also demands it (C4).
 */
public final class StaffAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    static final String PASSWORD_ONLY = "STAFF_PASSWORD_ONLY";
    static final String SECOND_FACTOR = "STAFF_TOTP";

    private final StaffMember staff;
    private final boolean secondFactor;

    private StaffAuthentication(StaffMember staff, boolean secondFactor) {
        super(authorities(staff, secondFactor));
        this.staff = staff;
        this.secondFactor = secondFactor;
        setAuthenticated(true);
    }

    static StaffAuthentication passwordOnly(StaffMember staff) {
        return new StaffAuthentication(staff, false);
    }

    static StaffAuthentication withSecondFactor(StaffMember staff) {
        return new StaffAuthentication(staff, true);
    }

    /** The staff member of this request, once signed in with both factors; empty elsewhere (customers, anonymous). */
    public static Optional<StaffMember> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<StaffMember> of(Authentication authentication) {
        return authentication instanceof StaffAuthentication staff && staff.secondFactor ? Optional.of(staff.staff)
                : Optional.empty();
    }

    public StaffMember staff() {
        return staff;
    }

    public boolean hasSecondFactor() {
        return secondFactor;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return staff;
    }

    @Override
    public String getName() {
        return staff.id();
    }

    private static List<GrantedAuthority> authorities(StaffMember staff, boolean secondFactor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (!secondFactor) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_ONLY));
            return authorities;
        }
        authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR));
        staff.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return authorities;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffAuthentication that && that.staff.equals(staff) && that.secondFactor == secondFactor;
    }

    @Override
    public int hashCode() {
        return staff.hashCode() * 31 + Boolean.hashCode(secondFactor);
    }
}
