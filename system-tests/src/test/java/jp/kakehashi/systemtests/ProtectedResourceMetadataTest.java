package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The banking API's protected resource metadata (RFC 9728, B7): the 401 challenges of {@code /v1} point at it in
 * {@code resource_metadata}, it is served there (not the sign-in page), and it says exactly what the API enforces,
 * the DPoP algorithms the same as the challenge's and the authorization server's discovery.
 */
class ProtectedResourceMetadataTest {

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");
    private static final Pattern ALGS = Pattern.compile("algs=\"([^\"]+)\"");

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(platform.tls())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void apiChallengeWhenNoTokenThenBothSchemesNameTheMetadataWhichIsServedThere() throws Exception {
        HttpResponse<String> refused = get(platform.uri("/v1/accounts"));
        assertThat(refused.statusCode()).isEqualTo(401);
        List<String> challenges = refused.headers().allValues("WWW-Authenticate");
        String expected = platform.issuer() + "/.well-known/oauth-protected-resource/v1";
        assertThat(challenges).as("a Bearer and a DPoP challenge").hasSize(2)
                .allSatisfy(challenge -> assertThat(parameter(RESOURCE_METADATA, challenge)).isEqualTo(expected));

        HttpResponse<String> served = get(URI.create(expected));

        assertThat(served.statusCode()).as("metadata %s", served.body()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Map<String, Object> metadata = com.nimbusds.jose.util.JSONObjectUtils.parse(served.body());
        // RFC 9728 §3.3: the resource is the one the metadata URL was formed from
        assertThat(metadata.get("resource")).isEqualTo(platform.issuer() + "/v1");
        assertThat((List<Object>) metadata.get("authorization_servers")).containsExactly(platform.issuer().toString());
        assertThat((List<Object>) metadata.get("bearer_methods_supported")).containsExactly("header");
        assertThat((List<Object>) metadata.get("scopes_supported"))
                .containsExactlyInAnyOrder("accounts", "balances", "transactions", "transfers");
        assertThat((List<Object>) metadata.get("dpop_signing_alg_values_supported")).containsExactly("ES256", "PS256");
        // the tests' platform trusts TPP certificates: certificate-bound tokens are taken, so DPoP is not the only way
        assertThat(metadata.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
        assertThat(metadata.get("dpop_bound_access_tokens_required")).isEqualTo(false);
    }

    /** RFC 9449 §7.1, §5.1: every place that names DPoP algorithms names exactly the ones every endpoint accepts. */
    @Test
    void dpopAlgorithmsWhenAdvertisedAnywhereThenExactlyTheAcceptedOnes() throws Exception {
        String dpopChallenge = get(platform.uri("/v1/accounts")).headers().allValues("WWW-Authenticate").stream()
                .filter(challenge -> challenge.startsWith("DPoP")).findFirst().orElseThrow();
        Map<String, Object> resource = com.nimbusds.jose.util.JSONObjectUtils.parse(
                get(platform.uri("/.well-known/oauth-protected-resource/v1")).body());
        Map<String, Object> discovery = com.nimbusds.jose.util.JSONObjectUtils.parse(
                get(platform.uri("/.well-known/openid-configuration")).body());

        assertThat(parameter(ALGS, dpopChallenge).split(" ")).containsExactlyInAnyOrder("ES256", "PS256");
        assertThat((List<Object>) resource.get("dpop_signing_alg_values_supported"))
                .containsExactlyInAnyOrder("ES256", "PS256");
        assertThat((List<Object>) discovery.get("dpop_signing_alg_values_supported"))
                .containsExactlyInAnyOrder("ES256", "PS256");
    }

    /**
     * RFC 9728 §5.1: a challenge may only name metadata describing the resource. userinfo and grant management publish
     * none (the {@code /v1} document describes {@code /v1} alone, and {@code /.well-known/oauth-protected-resource}
     * is the sign-in page), so their challenges, with no token or a bad one, name none.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/userinfo", "/grants/some-grant"})
    void challengeWhenResourceHasNoMetadataThenItNamesNone(String path) throws Exception {
        HttpResponse<String> noToken = get(platform.uri(path));
        HttpResponse<String> badToken = http.send(HttpRequest.newBuilder(platform.uri(path))
                .header("Authorization", "Bearer not-a-token").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().allValues("WWW-Authenticate")).as("a Bearer and a DPoP challenge")
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("DPoP"))
                .noneSatisfy(challenge -> assertThat(challenge).contains("resource_metadata"));
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.headers().allValues("WWW-Authenticate")).isNotEmpty()
                .allSatisfy(challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token")
                        .doesNotContain("resource_metadata"));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String parameter(Pattern pattern, String challenge) {
        Matcher matcher = pattern.matcher(challenge);
        assertThat(matcher.find()).as("%s in %s", pattern, challenge).isTrue();
        return matcher.group(1);
    }
}
