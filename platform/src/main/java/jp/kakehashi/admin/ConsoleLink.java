package jp.kakehashi.admin;

import java.util.EnumSet;
import java.util.Set;

/**
 * A menu entry of the console, shown to staff holding one of its roles.
 *
 * @param path       where it leads
 * @param messageKey its label in the message bundles
 * @param order      its place in the menu, lower first
 * @param roles      who sees it
 */
public record ConsoleLink(String path, String messageKey, int order, Set<StaffRole> roles) {

    public ConsoleLink {
        roles = Set.copyOf(roles);
    }

    /** A link every staff member sees. */
    public static ConsoleLink forAll(String path, String messageKey, int order) {
        return new ConsoleLink(path, messageKey, order, EnumSet.allOf(StaffRole.class));
    }
}
