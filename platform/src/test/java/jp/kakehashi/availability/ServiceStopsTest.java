package jp.kakehashi.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.availability.Announcement.Announced;
import jp.kakehashi.availability.Announcement.Refusal;
import jp.kakehashi.availability.Announcement.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** E6: stops are announced a notice period ahead (emergencies with a reason); during one, /v1 answers 503. */
@PlatformTest
class ServiceStopsTest {

    @Autowired
    ServiceStops stops;

    @Autowired
    ServiceStopFilter filter;

    private String running;

    @AfterEach
    void endTheStop() {
        if (running != null) {
            stops.cancel(running, "staff-test");
        }
    }

    @Test
    void announceWhenPlannedStopStartsWithinTheNoticePeriodThenRefusedAndNothingRecorded() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        int before = stops.upcoming().size();

        var result = stops.announce(new StopAnnouncement(null, StoppedApi.ALL, tomorrow,
                tomorrow.plus(Duration.ofHours(2)), "core system upgrade", false, "staff-1"));

        assertThat(result).isEqualTo(new Refused(Refusal.NOTICE_TOO_SHORT));
        assertThat(stops.upcoming()).hasSize(before);
    }

    @Test
    void announceWhenPlannedStopBeyondTheNoticePeriodThenRecordedButApiStillAnswers() throws Exception {
        Instant inEightDays = Instant.now().plus(Duration.ofDays(8));

        var result = stops.announce(new StopAnnouncement(null, StoppedApi.ALL, inEightDays,
                inEightDays.plus(Duration.ofHours(2)), "core system upgrade", false, "staff-1"));

        assertThat(result).isInstanceOf(Announced.class);
        assertThat(stops.upcoming()).extracting(ServiceStop::id).contains(((Announced) result).stop().id());
        assertThat(call("/v1/branches").getStatus()).isEqualTo(200);
    }

    @Test
    void announceWhenEmergencyWithoutReasonThenRefused() {
        var result = stops.announce(new StopAnnouncement(null, StoppedApi.ALL, Instant.now(),
                Instant.now().plus(Duration.ofMinutes(5)), " ", true, "staff-1"));

        assertThat(result).isEqualTo(new Refused(Refusal.REASON_MISSING));
    }

    @Test
    void filterWhenEmergencyStopOfPaymentsInEffectThenTransfersAnswer503WithRetryAfterAndReadsPass()
            throws Exception {
        var result = stops.announce(new StopAnnouncement(null, StoppedApi.PAYMENT, Instant.now().minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(10)), "unauthorised access under investigation", true,
                "staff-1"));
        running = ((Announced) result).stop().id();

        var refused = call("/v1/transfers");

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(590L, 600L);
        assertThat(refused.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(refused.getContentAsString()).contains("\"errorCode\":\"SERVICE_STOPPED\"", "EMERGENCY_STOP");
        assertThat(call("/v1/accounts").getStatus()).isEqualTo(200);
        assertThat(call("/v1/branches").getStatus()).isEqualTo(200);
    }

    @Test
    void filterWhenStopCancelledThenApiAnswersAgainAtOnce() throws Exception {
        var result = stops.announce(new StopAnnouncement(null, StoppedApi.ALL, Instant.now().minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(10)), "emergency maintenance", true, "staff-1"));
        String id = ((Announced) result).stop().id();
        assertThat(call("/v1/branches").getStatus()).isEqualTo(503);

        assertThat(stops.cancel(id, "staff-2")).isTrue();

        assertThat(call("/v1/branches").getStatus()).isEqualTo(200);
        assertThat(stops.cancel(id, "staff-2")).isFalse();
    }

    @Test
    void announceWhenTppAnnouncesItsOwnStopThenRecordedForItWithoutStoppingTheBanksApi() throws Exception {
        Instant inTenDays = Instant.now().plus(Duration.ofDays(10));

        var result = stops.announce(new StopAnnouncement("tpp-stops-test", StoppedApi.ALL, inTenDays,
                inTenDays.plus(Duration.ofHours(1)), "our own maintenance", false, "tpp:ops@tpp.example"));

        assertThat(result).isInstanceOf(Announced.class);
        assertThat(stops.ofTpp("tpp-stops-test")).singleElement()
                .satisfies(stop -> assertThat(stop.side()).isEqualTo(ServiceStop.Side.TPP));
    }

    private MockHttpServletResponse call(String path) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
        return response;
    }
}
