package jp.kakehashi.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentKind;
import jp.kakehashi.incident.IncidentReport;
import jp.kakehashi.incident.IncidentStatus;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.incident.Reporting;
import jp.kakehashi.incident.Severity;
import jp.kakehashi.notification.DeliveriesContext;
import jp.kakehashi.notification.TestReceiver;
import jp.kakehashi.notification.webhook.TppNotice;
import jp.kakehashi.notification.webhook.TppNotices;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A6, C6, E1, F3: a TPP's suspension reaches its webhook and stays in its notices; an incident's security event
 * reaches the TPP and the subscribed bank as a SET that verifies against the bank's published JWKS.
 */
class TppDeliveriesTest extends DeliveriesContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Tpps tpps;

    @Autowired
    TppLifecycle lifecycle;

    @Autowired
    TppEndpoints endpoints;

    @Autowired
    TppNotices notices;

    @Autowired
    Incidents incidents;

    @Autowired
    OutboundDeliveries deliveries;

    @Autowired
    WebApplicationContext web;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Value("${kakehashi.issuer}")
    String issuer;

    @Test
    void suspendWhenTppRegisteredAWebhookThenTheNoticeWithTheReasonReachesItAndTheTppsNotices() {
        String tppId = activeTppWithEndpoints();

        lifecycle.suspend(tppId, new StaffDecision("unauthorised access from its servers", "staff-a", "staff-b"));

        var posted = RECEIVER.await(r -> r.path().equals("/webhook/" + tppId) && r.body().contains("SUSPENDED"));
        assertThat(posted.contentType()).startsWith("application/json");
        assertThat(signatureVerifies(posted)).isTrue();
        Map<String, Object> body = JSON.readValue(posted.body(), Map.class);
        assertThat(body).containsEntry("type", "tpp.status-changed").containsEntry("tppId", tppId);
        assertThat((Map<String, Object>) body.get("data")).containsEntry("from", "ACTIVE")
                .containsEntry("to", "SUSPENDED").containsEntry("reason", "unauthorised access from its servers");
        assertThat(notices.of(tppId)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(TppNotice.Kind.STATUS_CHANGED);
            assertThat(notice.subject()).contains("停止");
        });
    }

    @Test
    void reportWhenUnauthorisedAccessThenSignedSetsReachTheTppAndTheOtherBankAndVerifyWithThePublishedJwks()
            throws Exception {
        String tppId = activeTppWithEndpoints();

        var reported = incidents.report(new IncidentReport(tppId, IncidentKind.UNAUTHORISED_ACCESS, Severity.HIGH,
                "不正アクセスの疑い", "ログイン試行の急増", Instant.now().minus(Duration.ofHours(1)),
                Incident.Reporter.BANK, "staff-a"));

        String incidentId = ((Reporting.Recorded) reported).incident().id();
        var toTpp = RECEIVER.await(r -> r.path().equals("/events/" + tppId));
        var toBank = RECEIVER.await(r -> r.path().equals("/other-bank/events") && r.body().length() > 0
                && verify(r.body(), "https://other-bank.example").getJWTID() != null
                && incidentId.equals(incidentOf(r.body(), "https://other-bank.example")));
        assertThat(toTpp.contentType()).isEqualTo("application/secevent+jwt");
        assertThat(toBank.contentType()).isEqualTo("application/secevent+jwt");
        JWTClaimsSet claims = verify(toTpp.body(), tppId);
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getJSONObjectClaim("sub_id")).containsEntry("sub", tppId);
        Map<String, Object> event = (Map<String, Object>) claims.getJSONObjectClaim("events")
                .get("urn:kakehashi:secevent:incident-reported");
        assertThat(event).containsEntry("incident_id", incidentId).containsEntry("kind", "UNAUTHORISED_ACCESS");
        assertThat(notices.of(tppId)).extracting(TppNotice::kind).contains(TppNotice.Kind.INCIDENT_REPORTED);
    }

    @Test
    void reportWhenTheTppReportsItselfThenOtherBanksHearOnlyOnceStaffContainedItAndWithoutItsText() {
        String tppId = activeTppWithEndpoints();

        var reported = incidents.report(new IncidentReport(tppId, IncidentKind.DATA_LEAK, Severity.HIGH,
                "全銀行の顧客に至急連絡を", "詳細", Instant.now().minus(Duration.ofHours(1)),
                Incident.Reporter.TPP, "tpp:someone"));
        String incidentId = ((Reporting.Recorded) reported).incident().id();
        // the TPP's own SET is enqueued in the same transaction a bank's would have been
        RECEIVER.await(r -> r.path().equals("/events/" + tppId) && incidentId.equals(incidentOf(r.body(), tppId)));
        assertThat(setsToOtherBankAbout(incidentId)).isEmpty();

        assertThat(incidents.move(incidentId, IncidentStatus.CONTAINED, "確認し接続を制限", "staff-a")).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> setsToOtherBankAbout(incidentId).size() == 1);
        assertThat(incidents.move(incidentId, IncidentStatus.OPEN, "再発", "staff-a")).isTrue();
        assertThat(incidents.move(incidentId, IncidentStatus.CONTAINED, "再度封じ込め", "staff-a")).isTrue();
        // every run of this listener about the incident done (a completed publication is deleted)
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from event_publication where listener_id like '%SecurityEventTransmissions%'
                and serialized_event like ?
                """).param("%" + incidentId + "%").query(Integer.class).single() == 0);

        assertThat(setsToOtherBankAbout(incidentId)).singleElement().satisfies(token -> {
            Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) verify(token,
                    "https://other-bank.example").getClaim("events")).get("urn:kakehashi:secevent:incident-reported");
            assertThat(event).containsEntry("kind", "DATA_LEAK").containsEntry("reported_by", "TPP")
                    .doesNotContainKey("title");
            assertThat(token).doesNotContain("全銀行");
        });
    }

    /** The SETs in the outbox for the other bank about one incident (enqueued, whether or not yet delivered). */
    private java.util.List<String> setsToOtherBankAbout(String incidentId) {
        return jdbc.sql("select payload from outbound_delivery where receiver = 'other-bank'").query(String.class)
                .list().stream().filter(token -> incidentId.equals(incidentOf(token, "https://other-bank.example")))
                .toList();
    }

    @Test
    void deliverWhenTheWebhookFailsTwiceThenRetriedUntilTakenWithEveryAttemptRecorded() {
        String tppId = activeTppWithEndpoints();
        endpoints.register(tppId, RECEIVER.url("/flaky/" + tppId), null, "staff-a");

        lifecycle.suspend(tppId, new StaffDecision("監査で重大な不備", "staff-a", "staff-b"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            deliveries.deliverDue();
            return deliveries.to(tppId).stream().anyMatch(d -> d.deliveredAt() != null);
        });
        assertThat(deliveries.to(tppId)).singleElement().satisfies(delivery -> {
            assertThat(delivery.attempts()).as(delivery.toString()).isEqualTo(3);
            assertThat(delivery.lastStatus()).isEqualTo(200);
            assertThat(delivery.kind()).isEqualTo(OutboundDelivery.Kind.NOTICE);
        });
        // the record is exact; the receiver may see a request twice where a connection broke mid-way
        assertThat(RECEIVER.count("/flaky/" + tppId)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void suspendWhenBanksSubscribedThenTheyGetRiscAccountDisabledForTheTpp() {
        String tppId = activeTppWithEndpoints();

        lifecycle.suspend(tppId, new StaffDecision("不正アクセス", "staff-a", "staff-b"));

        RECEIVER.await(r -> r.path().equals("/other-bank/events") && verify(r.body(), "https://other-bank.example")
                .getClaim("events") instanceof Map<?, ?> events
                && events.containsKey("https://schemas.openid.net/secevent/risc/event-type/account-disabled")
                && tppId.equals(((Map<?, ?>) verify(r.body(), "https://other-bank.example").getClaim("sub_id"))
                        .get("sub")));
    }

    @Test
    void registerWhenWebhookIsNotHttpsThenRefused() {
        assertThat(endpoints.register("tpp-x", "http://tpp.example/webhook", null, "staff-a"))
                .isEqualTo(new EndpointRegistration.Refused(EndpointRegistration.Refusal.NOT_HTTPS));
        assertThat(endpoints.register("tpp-x", "https://tpp.example/webhook", "ftp://tpp.example/e", "staff-a"))
                .isEqualTo(new EndpointRegistration.Refused(EndpointRegistration.Refusal.NOT_HTTPS));
        assertThat(endpoints.of("tpp-x")).isEmpty();
    }

    @Test
    void registerWhenTheHostIsInternalThenRefusedAsNotPublic() {
        for (String internal : java.util.List.of("https://10.0.0.5/admin", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/", "https://[fd00::1]/")) {
            assertThat(endpoints.register("tpp-ssrf", internal, null, "tpp:someone")).as(internal)
                    .isEqualTo(new EndpointRegistration.Refused(EndpointRegistration.Refusal.NOT_PUBLIC));
            assertThat(endpoints.register("tpp-ssrf", "https://tpp.example/webhook", internal, "tpp:someone"))
                    .as(internal)
                    .isEqualTo(new EndpointRegistration.Refused(EndpointRegistration.Refusal.NOT_PUBLIC));
        }
        assertThat(endpoints.of("tpp-ssrf")).isEmpty();
    }

    @Test
    void attemptWhenTheUrlNowResolvesToAnInternalAddressThenNotSentAndRecordedRefused() {
        // as if a public name now answered with the metadata address: the check runs at every attempt
        String id = deliveries.enqueue(OutboundDelivery.Kind.NOTICE, "tpp-rebound",
                "https://169.254.169.254/latest/meta-data", "application/json", "{}");

        deliveries.attempt(id);

        assertThat(deliveries.to("tpp-rebound")).singleElement().satisfies(delivery -> {
            assertThat(delivery.deliveredAt()).isNull();
            assertThat(delivery.lastStatus()).isNull();
            assertThat(delivery.lastError()).startsWith("refused: ").contains("169.254.169.254");
        });
    }

    @Test
    void attemptWhenTheReceiverAnswersAnErrorWithABodyThenOnlyTheStatusIsKept() {
        String tppId = activeTppWithEndpoints();
        endpoints.register(tppId, RECEIVER.url("/chatty/" + tppId), null, "staff-a");

        lifecycle.suspend(tppId, new StaffDecision("監査で重大な不備", "staff-a", "staff-b"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.to(tppId).stream()
                .anyMatch(d -> d.lastError() != null));
        assertThat(deliveries.to(tppId)).singleElement().satisfies(delivery -> {
            assertThat(delivery.lastStatus()).isEqualTo(500);
            assertThat(delivery.lastError()).isEqualTo("HTTP 500");
        });
    }

    /** The detached JWS of the body, as a TPP checks it: over the exact body, with the bank's published key. */
    private boolean signatureVerifies(TestReceiver.Received posted) {
        try {
            var jws = com.nimbusds.jose.JWSObject.parse(posted.signature(),
                    new com.nimbusds.jose.Payload(posted.body()));
            var key = (com.nimbusds.jose.jwk.ECKey) JWKSet.parse(publishedJwks()).getKeyByKeyId(
                    jws.getHeader().getKeyID());
            return jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key));
        } catch (Exception e) {
            throw new AssertionError("the notice's signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private String publishedJwks() throws Exception {
        return MockMvcBuilders.webAppContextSetup(web).build().perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/secevents/jwks.json"))
                .andReturn().getResponse().getContentAsString();
    }

    private String incidentOf(String token, String audience) {
        Map<String, Object> events = (Map<String, Object>) verify(token, audience).getClaim("events");
        Object event = events.get("urn:kakehashi:secevent:incident-reported");
        return event == null ? null : (String) ((Map<String, Object>) event).get("incident_id");
    }

    /** Verifies as a receiver would: with the keys the bank publishes, the SET type and the audience. */
    private JWTClaimsSet verify(String token, String audience) {
        try {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).build();
            String jwks = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/secevents/jwks.json")).andReturn().getResponse().getContentAsString();
            assertThat(jwks).doesNotContain("\"d\"");
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                    new com.nimbusds.jose.JOSEObjectType("secevent+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                    new ImmutableJWKSet<>(JWKSet.parse(jwks))));
            JWTClaimsSet claims = processor.process(token, null);
            assertThat(claims.getAudience()).containsExactly(audience);
            return claims;
        } catch (Exception e) {
            throw new AssertionError("the SET does not verify: " + e.getMessage(), e);
        }
    }

    private String activeTppWithEndpoints() {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社テスト", "Test K.K.", "テスト家計簿", "Test Kakeibo", "代表 太郎",
                "東京都", "03-0000-0000", "info@tpp.example", null, null, TppStatus.ACTIVE, Set.of("accounts")));
        assertThat(endpoints.register(tppId, RECEIVER.url("/webhook/" + tppId), RECEIVER.url("/events/" + tppId),
                "staff-a")).isInstanceOf(EndpointRegistration.Registered.class);
        return tppId;
    }
}
