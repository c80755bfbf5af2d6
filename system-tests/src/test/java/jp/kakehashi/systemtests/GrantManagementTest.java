package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * FAPI Grant Management for OAuth 2.0 through a real FAPI 2.0 client (Nimbus, PAR, DPoP) against the running
 * platform (B1, B5, B8, B9): the token response names the platform's grant, the TPP merges into or replaces an
 * existing grant with the customer's consent (the screen says so), and it reads and ends its own grants at the grant
 * management endpoint, where the end is the same as the customer's on the connected-services page.
 */
class GrantManagementTest {

    private static final String PASSWORD = "Kakehashi#2026";
    private static final Set<String> APPROVED = Set.of("accounts", "balances", "transactions",
            "grant_management_query", "grant_management_revoke");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Grants grants = platform.bean(Grants.class);

    @Test
    void tokenWhenCodeRedeemedThenResponseNamesTheCustomersGrantAndRefreshNamesTheSame() throws Exception {
        TestTpp tpp = TestTpp.register(platform, APPROVED);

        Issued issued = authorize(tpp, "sato", Map.of(), "openid", "accounts");

        // the client's own query finds it (another client's would be 404, §6.6), in force, and the customer sees it
        assertThat(query(tpp, "sato", issued.grantId())).containsEntry("status", "active");
        assertThat(connectedServicesOf("sato")).contains(issued.grantId());
        // a random UUID (122 random bits): unguessable, so it can be the public id itself
        assertThat(issued.grantId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        TokenResponse refreshed = refresh(tpp, issued.refreshToken());
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(refreshed.toSuccessResponse().getCustomParameters()).containsEntry("grant_id", issued.grantId());
    }

    @Test
    void mergeWhenCustomerAgreesToMoreThenGrantKeepsItsIdAndHasBothAndOldRefreshTokenEnds() throws Exception {
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        Issued created = authorize(tpp, "sato", Map.of("grant_management_action", "create"), "openid", "accounts");

        Issued merged = authorize(tpp, "sato", Map.of("grant_management_action", "merge",
                "grant_id", created.grantId()), "openid", "balances");

        assertThat(merged.grantId()).isEqualTo(created.grantId());
        assertThat(merged.scope().toStringList()).contains("accounts", "balances");
        assertThat(scopesOf(query(tpp, "sato", created.grantId()))).contains("accounts", "balances");
        assertThat(merged.consentPage()).contains("id=\"grant-change\"", "data-action=\"merge\"",
                "連携中のサービスへの追加です");
        assertThat(merged.connection().userInfoStatus()).isEqualTo(200);
        // Grant Management §5.2: merge invalidates the grant's earlier refresh tokens
        TokenResponse old = refresh(tpp, created.refreshToken());
        assertThat(old.indicatesSuccess()).isFalse();
        assertThat(old.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(created.connection().userInfoStatus()).isEqualTo(401);
        assertThat(connectedServicesOf("sato")).containsOnlyOnce(created.grantId());
    }

    @Test
    void mergeWhenCustomerReadsEnglishThenTheNoticeSaysInEnglishThatItAddsToTheConnection() throws Exception {
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        Issued created = authorize(tpp, "yamada", Map.of(), "openid", "accounts");
        CustomerAgent english = new CustomerAgent(platform);
        english.get(platform.uri("/login?lang=en"));

        Issued merged = authorize(english, tpp, "yamada", Map.of("grant_management_action", "merge",
                "grant_id", created.grantId()), "openid", "transactions");

        assertThat(merged.consentPage()).contains("this adds to an existing connection",
                "No new connection is made");
        assertThat(grants.consentRecordOf(created.grantId()).orElseThrow().shown())
                .extractingByKey("grantManagement").asString().contains("merge", created.grantId());
    }

    @Test
    void replaceWhenCustomerAgreesThenGrantHasOnlyTheNewRightsAndOldTokensEnd() throws Exception {
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        Issued created = authorize(tpp, "yamada", Map.of(), "openid", "accounts", "balances");

        Issued replaced = authorize(tpp, "yamada", Map.of("grant_management_action", "replace",
                "grant_id", created.grantId()), "openid", "transactions");

        assertThat(replaced.grantId()).isEqualTo(created.grantId());
        assertThat(scopesOf(query(tpp, "yamada", created.grantId()))).containsExactlyInAnyOrder("openid",
                "transactions");
        assertThat(replaced.scope().toStringList()).doesNotContain("accounts", "balances");
        assertThat(replaced.consentPage()).contains("data-action=\"replace\"", "置き換えます");
        assertThat(created.connection().userInfoStatus()).isEqualTo(401);
        assertThat(replaced.connection().userInfoStatus()).isEqualTo(200);
    }

    @Test
    void parWhenGrantIdIsAnotherClientsOrMissingOrActionUnknownThenRefused() throws Exception {
        TestTpp owner = TestTpp.register(platform, APPROVED);
        TestTpp other = TestTpp.register(platform, APPROVED);
        Issued created = authorize(owner, "sato", Map.of(), "openid", "accounts");

        assertThat(parError(other, Map.of("grant_management_action", "merge", "grant_id", created.grantId())))
                .isEqualTo("invalid_grant_id");
        assertThat(parError(owner, Map.of("grant_management_action", "replace", "grant_id", "no-such-grant")))
                .isEqualTo("invalid_grant_id");
        assertThat(parError(owner, Map.of("grant_management_action", "merge"))).isEqualTo("invalid_request");
        assertThat(parError(owner, Map.of("grant_management_action", "update", "grant_id", created.grantId())))
                .isEqualTo("invalid_request");
        assertThat(parError(owner, Map.of("grant_id", created.grantId()))).isEqualTo("invalid_request");
    }

    @Test
    void authorizeWhenAnotherCustomerSignsInToMergeThenInvalidGrantIdAndGrantUnchanged() throws Exception {
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        Issued satos = authorize(tpp, "sato", Map.of(), "openid", "accounts");

        var request = tpp.authorizationRequest(new Scope("openid", "balances"), new CodeVerifier())
                .customParameter("grant_management_action", "merge")
                .customParameter("grant_id", satos.grantId()).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "yamada", PASSWORD, true);

        var response = AuthorizationResponse.parse(outcome.redirect());
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant_id");
        assertThat(scopesOf(query(tpp, "sato", satos.grantId()))).doesNotContain("balances");
        assertThat(satos.connection().userInfoStatus()).isEqualTo(200);
    }

    @Test
    void queryWhenTppAsksWithItsQueryTokenThenItGetsWhatTheCustomerConsented() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        Issued issued = authorize(tpp, "sato", Map.of(), "openid", "accounts", "grant_management_query");

        var response = new ApiClient(platform, issued.connection()).get("/grants/" + issued.grantId());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        Map<String, Object> body = response.json();
        assertThat(body.get("scopes")).isEqualTo(List.of(Map.of("scope", "accounts grant_management_query openid")));
        assertThat(body).containsEntry("status", "active");
        // made by this flow, and in force for the 90 days the customer was shown for these rights
        long createdAt = ((Number) body.get("created_at")).longValue();
        assertThat(createdAt).isBetween(started.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(((Number) body.get("expires_at")).longValue())
                .isCloseTo(createdAt + java.time.Duration.ofDays(90).toSeconds(), org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void revokeWhenTppDeletesItsGrantThenTokensStopAndCustomerNoLongerSeesIt() throws Exception {
        Instant started = Instant.now();
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        Issued issued = authorize(tpp, "kakehashi-shoji", Map.of(), "openid", "accounts",
                "grant_management_query", "grant_management_revoke");
        Issued queryOnly = authorize(tpp, "sato", Map.of(), "openid", "accounts", "grant_management_query");
        ApiClient api = new ApiClient(platform, issued.connection());
        assertThat(api.get("/v1/accounts").status()).isEqualTo(200);

        var deleted = api.sendWithProof("DELETE", "/grants/" + issued.grantId(), null,
                api.proof("DELETE", "/grants/" + issued.grantId()));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/v1/accounts").status()).isEqualTo(401);
        assertThat(issued.connection().userInfoStatus()).isEqualTo(401);
        assertThat(refresh(tpp, issued.refreshToken()).indicatesSuccess()).isFalse();
        assertThat(connectedServicesOf("kakehashi-shoji")).doesNotContain(issued.grantId());
        // the same client may still read the ended grant with another of its query tokens
        var after = new ApiClient(platform, queryOnly.connection()).get("/grants/" + issued.grantId());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json()).containsEntry("status", "revoked");
        // C1: the TPP's calls to the grant management endpoint are in the execution log like its /v1 calls
        assertThat(platform.bean(ExecutionLogRecords.class).ofTpp(tpp.tppId(), started, Instant.now()))
                .extracting(ExecutionLogRecord::operation, ExecutionLogRecord::resourceId,
                        ExecutionLogRecord::httpStatus, ExecutionLogRecord::grantId)
                .contains(tuple("DELETE /grants/{grantId}", issued.grantId(), 204, issued.grantId()),
                        tuple("GET /grants/{grantId}", issued.grantId(), 200, queryOnly.grantId()));
    }

    @Test
    void grantEndpointWhenScopeMissingOrGrantOfAnotherClientThenRefused() throws Exception {
        TestTpp owner = TestTpp.register(platform, APPROVED);
        TestTpp other = TestTpp.register(platform, APPROVED);
        Issued owners = authorize(owner, "yamada", Map.of(), "openid", "accounts", "grant_management_query");
        Issued withoutScope = authorize(owner, "sato", Map.of(), "openid", "accounts");
        Issued others = authorize(other, "sato", Map.of(), "openid", "accounts", "grant_management_query",
                "grant_management_revoke");
        String path = "/grants/" + owners.grantId();

        var noScope = new ApiClient(platform, withoutScope.connection()).get(path);
        ApiClient otherApi = new ApiClient(platform, others.connection());
        var otherClient = otherApi.get(path);
        var otherDelete = otherApi.sendWithProof("DELETE", path, null, otherApi.proof("DELETE", path));
        var queryCannotDelete = new ApiClient(platform, owners.connection());
        var deleteWithQueryScope = queryCannotDelete.sendWithProof("DELETE", path, null,
                queryCannotDelete.proof("DELETE", path));
        var noToken = ApiClient.getPublic(platform, path);

        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.header("WWW-Authenticate")).startsWith("DPoP").contains("insufficient_scope");
        assertThat(otherClient.status()).isEqualTo(404);
        assertThat(otherDelete.status()).isEqualTo(404);
        assertThat(deleteWithQueryScope.status()).isEqualTo(403);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(new ApiClient(platform, owners.connection()).get(path).json()).containsEntry("status", "active");
        assertThat(owners.connection().userInfoStatus()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryWhenReadThenGrantManagementIsAdvertised() throws Exception {
        TestTpp tpp = TestTpp.register(platform, APPROVED);
        JSONObject metadata = tpp.metadata().toJSONObject();

        assertThat(metadata.get("grant_management_endpoint")).isEqualTo(platform.issuer() + "/grants");
        assertThat((List<Object>) metadata.get("grant_management_actions_supported"))
                .containsExactlyInAnyOrder("create", "merge", "replace", "query", "revoke");
        assertThat(metadata.get("grant_management_action_required")).isEqualTo(false);
        assertThat(tpp.metadata().getScopes().toStringList())
                .contains("grant_management_query", "grant_management_revoke");
    }

    /** What one run of the flow gave the TPP: the token response's grant and tokens, and the consent page seen. */
    private record Issued(String grantId, Scope scope, RefreshToken refreshToken, Connection connection,
            String consentPage) {
    }

    private Issued authorize(TestTpp tpp, String loginId, Map<String, String> grantManagement, String... scopes)
            throws Exception {
        return authorize(new CustomerAgent(platform), tpp, loginId, grantManagement, scopes);
    }

    private Issued authorize(CustomerAgent agent, TestTpp tpp, String loginId, Map<String, String> grantManagement,
            String... scopes) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        var builder = tpp.authorizationRequest(new Scope(scopes), verifier);
        grantManagement.forEach(builder::customParameter);
        var outcome = agent.authorize(tpp.push(builder.build()), loginId, PASSWORD, true);
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var response = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest(), null));
        var success = (OIDCTokenResponse) response.toSuccessResponse();
        var tokens = success.getOIDCTokens();
        String grantId = (String) success.getCustomParameters().get("grant_id");
        var access = (DPoPAccessToken) tokens.getAccessToken();
        List<String> pages = agent.consentPages();
        return new Issued(grantId, access.getScope(), tokens.getRefreshToken(),
                new Connection(tpp, grantId, access, tokens.getRefreshToken()), pages.get(pages.size() - 1));
    }

    /**
     * The grant as its client reads it at the grant management endpoint (§6.4), with a query token of its own that
     * the same customer consented to: the endpoint's answer, which must be 200.
     */
    private Map<String, Object> query(TestTpp tpp, String loginId, String grantId) throws Exception {
        Issued querying = authorize(tpp, loginId, Map.of(), "openid", "accounts", "grant_management_query");
        var response = new ApiClient(platform, querying.connection()).get("/grants/" + grantId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The scopes of a grant management answer ({@code scopes[].scope}, space-separated), one by one. */
    @SuppressWarnings("unchecked")
    private static List<String> scopesOf(Map<String, Object> grant) {
        return ((List<Map<String, Object>>) grant.get("scopes")).stream()
                .flatMap(entry -> java.util.Arrays.stream(((String) entry.get("scope")).split(" "))).toList();
    }

    /** The grants the customer's connected-services page lists, as the customer sees them (D2). */
    private List<String> connectedServicesOf(String loginId) throws Exception {
        CustomerAgent customer = new CustomerAgent(platform);
        customer.signIn(loginId, PASSWORD);
        return customer.connectedGrants();
    }

    private TokenResponse refresh(TestTpp tpp, RefreshToken refreshToken) throws Exception {
        return OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(tpp.metadata().getTokenEndpointURI(),
                tpp.clientAuthentication(), new RefreshTokenGrant(refreshToken)).toHTTPRequest(), null));
    }

    private String parError(TestTpp tpp, Map<String, String> grantManagement) throws Exception {
        var builder = tpp.authorizationRequest(new Scope("openid", "balances"), new CodeVerifier());
        new LinkedHashMap<>(grantManagement).forEach(builder::customParameter);
        var response = tpp.pushForResponse(builder.build());
        assertThat(response.getStatusCode()).isEqualTo(400);
        return response.getContentAsJSONObject().getAsString("error");
    }
}
