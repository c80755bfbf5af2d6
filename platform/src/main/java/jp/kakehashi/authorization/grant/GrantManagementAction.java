package jp.kakehashi.authorization.grant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The values of {@code grant_management_action} this server supports (Grant Management §5.2): {@code create} a new
 * grant (also what a request without the parameter does), {@code merge} the consent into an existing grant, or
 * {@code replace} an existing grant's rights by the consent's.
 */
public enum GrantManagementAction {
    CREATE, MERGE, REPLACE;

    /** The request parameter's value. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the action changes the grant named by {@code grant_id} rather than making one. */
    public boolean changesExistingGrant() {
        return this != CREATE;
    }

    static Optional<GrantManagementAction> of(String value) {
        return Arrays.stream(values()).filter(action -> action.value().equals(value)).findFirst();
    }
}
