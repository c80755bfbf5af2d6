package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;

/**
 * B2's exception for public information: branches and ATMs are served without any token, cacheable by shared caches,
 * and revalidated with their ETag (304 without a body).
 */
class PublicInformationTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void branchesWhenNoTokenThenTheBanksBranchesCacheablePublicly() throws Exception {
        Response response = ApiClient.getPublic(platform, "/v1/branches");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("public").contains("max-age=3600");
        assertThat(response.header("ETag")).matches("\"[0-9a-f]{32}\"");
        List<Map<String, Object>> branches = list(response.json(), "branches");
        assertThat(branches).extracting(b -> b.get("branchCode")).containsExactly("001", "101", "102", "201");
        assertThat(branches.getFirst()).containsEntry("branchName", "本店営業部")
                .containsEntry("branchNameKana", "ﾎﾝﾃﾝｴｲｷﾞﾖｳﾌﾞ").containsEntry("postalCode", "100-0005")
                .containsEntry("phone", "03-0000-0001").containsEntry("businessHours", "平日 9:00〜15:00");
        assertThat(branches.getFirst().get("services")).asList().contains("預金", "為替");
    }

    @Test
    void atmsWhenNoTokenThenLocationsHoursAndFeesAsDigitStrings() throws Exception {
        Response response = ApiClient.getPublic(platform, "/v1/atms");

        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> atms = list(response.json(), "atms");
        assertThat(atms).hasSize(5);
        Map<String, Object> head = atms.getFirst();
        assertThat(head).containsEntry("atmId", "ATM-001-01").containsEntry("branchCode", "001")
                .containsEntry("latitude", "35.681236").containsEntry("longitude", "139.767125")
                .containsEntry("hours", "毎日 7:00〜23:00");
        assertThat(list(head, "fees")).containsExactly(Map.of("timeBand", "平日 8:45〜18:00", "amount", "0"),
                Map.of("timeBand", "平日 上記以外の時間帯", "amount", "110"), Map.of("timeBand", "土日祝", "amount", "110"));
        assertThat(atms.getLast()).containsEntry("branchCode", null);
    }

    @Test
    void branchesWhenIfNoneMatchHasTheCurrentEtagThenNotModifiedWithoutBody() throws Exception {
        String etag = ApiClient.getPublic(platform, "/v1/branches").header("ETag");

        Response revalidated = ApiClient.getPublic(platform, "/v1/branches", "If-None-Match", etag);
        Response stale = ApiClient.getPublic(platform, "/v1/branches", "If-None-Match", "\"0123\"");

        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(etag);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(list(stale.json(), "branches")).hasSize(4);
    }

    @Test
    void atmsWhenAskedTwiceThenTheSameEtagAndItRevalidates() throws Exception {
        String first = ApiClient.getPublic(platform, "/v1/atms").header("ETag");
        String second = ApiClient.getPublic(platform, "/v1/atms").header("ETag");

        assertThat(second).isEqualTo(first);
        assertThat(ApiClient.getPublic(platform, "/v1/atms", "If-None-Match", first).status()).isEqualTo(304);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String name) {
        return (List<Map<String, Object>>) body.get(name);
    }
}
