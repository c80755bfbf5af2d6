package jp.kakehashi.authorization.store;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Set;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.TppStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which moves of a TPP empty the token caches of every node (A6): those of a connected TPP; not an application or a
 * screening, which anyone can cause and which concern no token.
 */
class TppAccessChangesTest {

    private final AuthorizationChanges changes = mock(AuthorizationChanges.class);
    private final TppAccessChanges listener = new TppAccessChanges(changes);

    @ParameterizedTest
    @CsvSource({ "ACTIVE, SUSPENDED", "ACTIVE, RESTRICTED", "RESTRICTED, ACTIVE", "SUSPENDED, ACTIVE",
            "SUSPENDED, REVOKED", "APPROVED, ACTIVE" })
    void onWhenAConnectedTppMovesThenEveryNodeDropsItsCachedTokens(TppStatus from, TppStatus to) {
        listener.on(move(from, to));

        verify(changes).changed(AuthorizationChanges.EVERYTHING);
    }

    @ParameterizedTest
    @CsvSource({ "APPLIED, SCREENING", "SCREENING, APPROVED", "SCREENING, REJECTED" })
    void onWhenATppMovesBeforeItEverConnectedThenNoCacheIsTouched(TppStatus from, TppStatus to) {
        listener.on(move(from, to));

        verify(changes, never()).changed(AuthorizationChanges.EVERYTHING);
    }

    @Test
    void onWhenAnApplicationArrivesThenNoCacheIsTouched() {
        listener.on(move(null, TppStatus.APPLIED));

        verify(changes, never()).changed(AuthorizationChanges.EVERYTHING);
    }

    private static TppStatusChanged move(TppStatus from, TppStatus to) {
        return new TppStatusChanged(new jp.kakehashi.shared.TppId("tpp-1"), from, to, "reason", "operator", "approver", Set.of(), Instant.now());
    }
}
