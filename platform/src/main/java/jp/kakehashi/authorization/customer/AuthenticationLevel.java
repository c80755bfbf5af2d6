package jp.kakehashi.authorization.customer;

/**
 * Authentication levels (B3), published as {@code acr} values: a password alone, or a password with a second
 * factor (TOTP or a passkey). Ordered from weakest to strongest.
 */
public enum AuthenticationLevel {
    PASSWORD("urn:kakehashi:acr:password"), MFA("urn:kakehashi:acr:mfa");

    private final String acr;

    AuthenticationLevel(String acr) {
        this.acr = acr;
    }

    public String acr() {
        return acr;
    }

    public boolean satisfies(AuthenticationLevel required) {
        return compareTo(required) >= 0;
    }

    public static AuthenticationLevel ofAcr(String acr) {
        for (AuthenticationLevel level : values()) {
            if (level.acr.equals(acr) || level.name().equalsIgnoreCase(acr)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown acr " + acr);
    }
}
