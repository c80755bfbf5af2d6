package jp.kakehashi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** C6: an incident moves between open and contained, and a closed one stays closed. */
class IncidentStatusTest {

    @Test
    void nextWhenClosedThenNothingElseOpenAndContainedMoveOnward() {
        assertThat(IncidentStatus.OPEN.next()).containsExactlyInAnyOrder(IncidentStatus.CONTAINED, IncidentStatus.CLOSED);
        assertThat(IncidentStatus.CONTAINED.next()).containsExactlyInAnyOrder(IncidentStatus.OPEN, IncidentStatus.CLOSED);
        assertThat(IncidentStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void sharedWithOtherBanksWhenSecurityKindsThenTrueWhenOutageThenFalse() {
        assertThat(IncidentKind.UNAUTHORISED_ACCESS.sharedWithOtherBanks()).isTrue();
        assertThat(IncidentKind.DATA_LEAK.sharedWithOtherBanks()).isTrue();
        assertThat(IncidentKind.OUTAGE.sharedWithOtherBanks()).isFalse();
    }
}
