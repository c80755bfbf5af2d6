package jp.kakehashi.admin;

import java.util.Arrays;
import java.util.List;

/**
 * An area's console access rules (C4 least privilege), declared as one bean; the console's chain applies the rules of
 * every area together, ordered as the package documentation says.
 *
 * @param rules the area's rules
 */
public record ConsoleAccessRules(List<ConsoleAccess> rules) {

    public ConsoleAccessRules {
        rules = List.copyOf(rules);
    }

    public static ConsoleAccessRules of(ConsoleAccess... rules) {
        return new ConsoleAccessRules(Arrays.asList(rules));
    }

    /** A page and everything below it (any method) for these roles only, e.g. an auditors' page. */
    public static ConsoleAccessRules pageOnlyFor(String path, StaffRole first, StaffRole... more) {
        return of(ConsoleAccess.any(path, first, more), ConsoleAccess.any(path + "/**", first, more));
    }

    /** The rules of all areas, in one list. */
    static List<ConsoleAccess> all(List<ConsoleAccessRules> areas) {
        return areas.stream().flatMap(area -> area.rules().stream()).toList();
    }
}
