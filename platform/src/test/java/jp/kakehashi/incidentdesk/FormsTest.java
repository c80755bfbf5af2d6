package jp.kakehashi.incidentdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The forms name every wrong field at once and read times as Japan time. */
class FormsTest {

    @Test
    void errorsWhenIncidentFormEmptyThenEveryRequiredFieldNamed() {
        var form = new IncidentForm("", "NOPE", "", " ", "", "yesterday");

        assertThat(form.errors()).containsOnlyKeys("tppId", "kind", "severity", "title", "description", "beganAt");
    }

    @Test
    void reportWhenBeganAtTypedThenReadAsJapanTime() {
        var form = new IncidentForm("tpp-1", "OUTAGE", "LOW", "t", "d", "2026-12-01T09:00");

        assertThat(form.errors()).isEmpty();
        assertThat(form.report(jp.kakehashi.incident.Incident.Reporter.TPP, "tpp:x").beganAt())
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void stopFormWhenEmergencyNotTickedThenFalseAndMissingTimesNamed() {
        var form = new StopForm("PAYMENT", "", "2026-12-01T05:00", "", null);

        assertThat(form.emergency()).isFalse();
        assertThat(form.errors()).containsOnlyKeys("startsAt", "reason");
    }
}
