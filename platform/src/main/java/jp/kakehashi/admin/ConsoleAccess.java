package jp.kakehashi.admin;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Which roles reach a console path (C4 least privilege). Declare an area's rules as one {@link ConsoleAccessRules}
 * bean; see the package documentation for how rules are ordered and what holds without one.
 *
 * @param method  the HTTP method, or null for any
 * @param pattern a path pattern under {@code /console/}
 * @param roles   the roles allowed, at least one
 */
public record ConsoleAccess(HttpMethod method, String pattern, Set<StaffRole> roles) {

    public ConsoleAccess {
        if (!pattern.startsWith("/console/")) {
            throw new IllegalArgumentException("console rules cover /console/ paths only: " + pattern);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a console rule names at least one role: " + pattern);
        }
        roles = Set.copyOf(roles);
    }

    public static ConsoleAccess any(String pattern, StaffRole first, StaffRole... more) {
        return new ConsoleAccess(null, pattern, EnumSet.of(first, more));
    }

    public static ConsoleAccess get(String pattern, StaffRole first, StaffRole... more) {
        return new ConsoleAccess(HttpMethod.GET, pattern, EnumSet.of(first, more));
    }

    public static ConsoleAccess post(String pattern, StaffRole first, StaffRole... more) {
        return new ConsoleAccess(HttpMethod.POST, pattern, EnumSet.of(first, more));
    }

    String[] roleNames() {
        return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
