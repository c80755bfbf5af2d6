package jp.kakehashi.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.notification.DeliveriesContext;
import jp.kakehashi.notification.delivery.EndpointRegistration;
import jp.kakehashi.notification.delivery.TppEndpoints;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A5, A6: the bank's improvement request reaches the TPP as a stored notice saying what is asked and by when, in
 * both languages, and is queued for (and delivered to) its webhook.
 */
class ImprovementNoticesTest extends DeliveriesContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Tpps tpps;
    @Autowired
    TppEndpoints endpoints;
    @Autowired
    TppNotices notices;
    @Autowired
    TppMonitoring monitoring;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void requestImprovementWhenTppHasAWebhookThenANoticeWithFindingAndDeadlineIsStoredAndDelivered() {
        String tppId = tppWithEndpoints();
        var due = monitoring.today().plusDays(30);

        var request = monitoring.requestImprovement(tppId, null, "アクセスログの保存期間が不足", due, "reviewer");

        var posted = RECEIVER.await(r -> r.path().equals("/webhook/" + tppId)
                && r.body().contains("monitoring.improvement-requested"));
        Map<String, Object> body = JSON.readValue(posted.body(), Map.class);
        assertThat(body).containsEntry("tppId", tppId);
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        assertThat(data).containsEntry("finding", "アクセスログの保存期間が不足").containsEntry("dueOn", due.toString())
                .doesNotContainKey("subjectArgument");
        assertThat(((Number) data.get("requestId")).longValue()).isEqualTo(request.id());
        assertThat(jdbc.sql("select count(*) from outbound_delivery where receiver = ? and kind = 'NOTICE' and payload like ?")
                .params(tppId, "%improvement-requested%").query(Long.class).single()).isEqualTo(1L);
        assertThat(notices.of(tppId)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(TppNotice.Kind.IMPROVEMENT_REQUESTED);
            assertThat(notice.subject()).contains("改善要請").contains(due.toString());
            assertThat(notice.data()).containsEntry("finding", "アクセスログの保存期間が不足");
            assertThat(notices.subject(notice, Locale.ENGLISH)).contains("Improvement request")
                    .contains(due.toString());
        });
    }

    private String tppWithEndpoints() {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        tpps.register(new Tpp(tppId, "株式会社改善", "Kaizen K.K.", "改善家計簿", "Kaizen Kakeibo", "代表 太郎",
                "東京都", "03-0000-0000", "info@tpp.example", null, null, TppStatus.ACTIVE, Set.of("accounts")));
        assertThat(endpoints.register(tppId, RECEIVER.url("/webhook/" + tppId), RECEIVER.url("/events/" + tppId),
                "staff-a")).isInstanceOf(EndpointRegistration.Registered.class);
        return tppId;
    }
}
