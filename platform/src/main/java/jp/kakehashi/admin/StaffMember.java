package jp.kakehashi.admin;

import java.util.Set;

/**
 * A staff member of the bank who uses the console (行員), without credentials. Serializable: it lives in the signed-in
 * session, which the platform keeps in PostgreSQL.
 */
public record StaffMember(String id, String login, String displayName, Set<StaffRole> roles)
        implements java.io.Serializable {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<StaffRole> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
