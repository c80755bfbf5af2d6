package jp.kakehashi.portal;

import java.time.Instant;
import java.util.List;

/**
 * A sign-in of the developer portal (開発者ポータル), opened when a TPP applies: the applicant's mail address and the
 * TPPs it applied for.
 *
 * @param passwordHash a hash of the app's {@code PasswordEncoder}
 * @param tppIds       the TPPs this account applied for, oldest first
 */
public record PortalAccount(String email, String passwordHash, List<String> tppIds, Instant createdAt) {

    public PortalAccount {
        tppIds = List.copyOf(tppIds);
    }
}
