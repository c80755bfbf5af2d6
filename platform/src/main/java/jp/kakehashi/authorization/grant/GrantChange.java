package jp.kakehashi.authorization.grant;

import jp.kakehashi.consent.Grant;

/**
 * An authorization request's change of an existing grant (Grant Management §5.2 merge or replace), as the consent
 * screen shows it and the consent decision applies it.
 *
 * @param action {@code merge} or {@code replace}
 * @param grant  the grant as it is before the change
 */
public record GrantChange(GrantManagementAction action, Grant grant) {

    /** Whether the consent replaces the grant's rights rather than adding to them. */
    public boolean replaces() {
        return action == GrantManagementAction.REPLACE;
    }
}
