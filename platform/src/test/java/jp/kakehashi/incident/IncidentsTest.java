package jp.kakehashi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.consent.NewGrant;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C6, E2: incidents are recorded with a timeline; the customers with grants of the TPP since it began are listed. */
@PlatformTest
class IncidentsTest {

    @Autowired
    Incidents incidents;

    @Autowired
    Tpps tpps;

    @Autowired
    Grants grants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportWhenTppUnknownOrReportIncompleteThenRefusedAndNothingRecorded() {
        int before = incidents.all().size();

        assertThat(incidents.report(report("tpp-nobody", "title"))).isEqualTo(
                new Reporting.Refused(Reporting.Refusal.UNKNOWN_TPP));
        assertThat(incidents.report(report(tpp(), " "))).isEqualTo(
                new Reporting.Refused(Reporting.Refusal.INCOMPLETE));
        assertThat(incidents.all()).hasSize(before);
    }

    @Test
    void reportWhenFromThePortalBeforeTheBankApprovedTheTppThenRefused() {
        int before = incidents.all().size();
        for (TppStatus unscreened : List.of(TppStatus.APPLIED, TppStatus.SCREENING, TppStatus.REJECTED,
                TppStatus.REVOKED)) {
            assertThat(incidents.report(fromPortal(tpp(unscreened)))).as(unscreened.name()).isEqualTo(
                    new Reporting.Refused(Reporting.Refusal.NOT_CONNECTED));
        }
        assertThat(incidents.all()).hasSize(before);

        for (TppStatus screened : List.of(TppStatus.APPROVED, TppStatus.ACTIVE, TppStatus.RESTRICTED,
                TppStatus.SUSPENDED)) {
            assertThat(incidents.report(fromPortal(tpp(screened)))).as(screened.name())
                    .isInstanceOf(Reporting.Recorded.class);
        }
    }

    @Test
    void affectedCustomersWhenGrantsOfTheTppThenThoseInForceSinceItBeganOnly() {
        String tppId = tpp();
        String otherTpp = tpp();
        grant("C0001", tppId);
        grant("C0002", tppId);
        grant("C0003", otherTpp);
        String endedLongAgo = grant("C0003", tppId);
        jdbc.sql("update grants set status = 'REVOKED', revoked_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(30))), endedLongAgo).update();

        String incidentId = recorded(report(tppId, "不正アクセス")).id();

        assertThat(incidents.affectedCustomers(incidentId)).containsExactly("C0001", "C0002");
    }

    @Test
    void warnAffectedCustomersWhenSomeHaveGrantsThenCountedAndOnTheTimeline() {
        String tppId = tpp();
        grant("C0001", tppId);
        String incidentId = recorded(report(tppId, "情報漏えいの疑い")).id();

        assertThat(incidents.warnAffectedCustomers(incidentId, "staff-a")).isEqualTo(1);

        assertThat(incidents.timeline(incidentId)).extracting(IncidentEntry::kind)
                .containsExactly(IncidentEntry.Kind.REPORTED, IncidentEntry.Kind.CUSTOMERS_WARNED);
    }

    @Test
    void warnAffectedCustomersWhenAskedAgainThenOnlyCustomersNotYetAskedAreWarned() {
        String tppId = tpp();
        grant("C0001", tppId);
        String incidentId = recorded(report(tppId, "情報漏えいの疑い")).id();
        assertThat(incidents.warnAffectedCustomers(incidentId, "staff-a")).isEqualTo(1);

        assertThat(incidents.warnAffectedCustomers(incidentId, "staff-b")).isZero();
        grant("C0002", tppId);
        assertThat(incidents.warnAffectedCustomers(incidentId, "staff-b")).isEqualTo(1);

        assertThat(incidents.timeline(incidentId)).extracting(IncidentEntry::kind).containsExactly(
                IncidentEntry.Kind.REPORTED, IncidentEntry.Kind.CUSTOMERS_WARNED, IncidentEntry.Kind.CUSTOMERS_WARNED);
    }

    @Test
    void reportWhenItBeganLongerAgoThanTheLookBackThenRefused() {
        var ancient = new IncidentReport(tpp(), IncidentKind.DATA_LEAK, Severity.HIGH, "漏えい", "詳細",
                Instant.parse("2000-01-01T00:00:00Z"), Incident.Reporter.TPP, "tpp:someone");

        assertThat(incidents.report(ancient)).isEqualTo(new Reporting.Refused(Reporting.Refusal.BEGINS_TOO_LONG_AGO));
    }

    @Test
    void moveWhenContainedThenClosedThenNoFurtherMove() {
        String incidentId = recorded(report(tpp(), "障害")).id();

        assertThat(incidents.move(incidentId, IncidentStatus.CONTAINED, "接続を停止", "staff-a")).isTrue();
        assertThat(incidents.move(incidentId, IncidentStatus.CLOSED, "原因を特定し対策済み", "staff-a")).isTrue();

        assertThat(incidents.move(incidentId, IncidentStatus.OPEN, "再開", "staff-a")).isFalse();
        assertThat(incidents.find(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incidents.timeline(incidentId)).extracting(IncidentEntry::kind).containsExactly(
                IncidentEntry.Kind.REPORTED, IncidentEntry.Kind.STATUS, IncidentEntry.Kind.STATUS);
    }

    @Test
    void moveWhenNoNoteThenRefused() {
        String incidentId = recorded(report(tpp(), "障害")).id();

        assertThat(incidents.move(incidentId, IncidentStatus.CONTAINED, "", "staff-a")).isFalse();
        assertThat(incidents.find(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
    }

    private Incident recorded(IncidentReport report) {
        return ((Reporting.Recorded) incidents.report(report)).incident();
    }

    private static IncidentReport report(String tppId, String title) {
        return new IncidentReport(tppId, IncidentKind.UNAUTHORISED_ACCESS, Severity.HIGH, title, "詳細",
                Instant.now().minus(Duration.ofDays(1)), Incident.Reporter.BANK, "staff-a");
    }

    private static IncidentReport fromPortal(String tppId) {
        return new IncidentReport(tppId, IncidentKind.DATA_LEAK, Severity.HIGH, "漏えい", "詳細",
                Instant.now().minus(Duration.ofDays(1)), Incident.Reporter.TPP, "tpp:someone");
    }

    private String tpp() {
        return tpp(TppStatus.ACTIVE);
    }

    private String tpp(TppStatus status) {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社テスト", "Test K.K.", "テスト家計簿", "Test Kakeibo", "代表 太郎", "東京都",
                "03-0000-0000", "info@tpp.example", null, null, status, Set.of("accounts")));
        return tppId;
    }

    private String grant(String customerId, String tppId) {
        String id = UUID.randomUUID().toString();
        grants.open(new NewGrant(id, customerId, tppId, tppId + "-1", Set.of("accounts"), List.of("001"),
                Instant.now().plus(Duration.ofDays(90)), "ja", "test", Map.of("test", true)));
        grants.activate(id);
        return id;
    }
}
