package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.kakehashi.consent.AccountDirectory;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Rich Authorization Requests (RFC 9396) for one transfer, through a real client library (Nimbus): the detail is
 * validated at PAR (§5), needs the transfers right and its second factor, is shown on the payment consent screen
 * with the account it is paid from, kept with the grant and its consent record (D5), and carried by the access
 * token as approved (§9.1) (B5, B10, D1, D2).
 */
class RichAuthorizationRequestTest {

    private static final String PASSWORD = "Kakehashi#2026";
    private static final String CUSTOMER = "C0001";

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void transferDetailWhenCustomerStepsUpAndChoosesAccountThenTokenCarriesApprovedDetail() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "transfers"));
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), verifier)
                .authorizationDetails(List.of(transfer(null))).build();

        CustomerAgent customer = new CustomerAgent(platform);
        var outcome = customer.authorize(tpp.push(request), "yamada", PASSWORD, true);

        assertThat(customer.visited()).as("step-up before consent").containsSubsequence("/login", "/login/otp",
                "/consent");
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var tokens = ((OIDCTokenResponse) OIDCTokenResponseParser.parse(tpp.sendWithDpop(
                tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null)).toSuccessResponse())
                .getOIDCTokens();
        String firstAccount = platform.bean(AccountDirectory.class).accountsOf(CUSTOMER).get(0).accountId();

        TokenIntrospectionSuccessResponse introspection = introspect(tpp, tokens.getAccessToken().getValue());
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getStringParameter("acr")).isEqualTo("urn:kakehashi:acr:mfa");
        List<AuthorizationDetail> details = introspection.getAuthorizationDetails();
        assertThat(details).hasSize(1);
        AuthorizationDetail approved = details.get(0);
        assertThat(approved.getType().getValue()).isEqualTo("kakehashi_transfer");
        assertThat(approved.getField("debtorAccount")).as("the account chosen on the screen")
                .isEqualTo(Map.of("accountId", firstAccount));
        assertThat(approved.getField("instructedAmount")).isEqualTo(Map.of("currency", "JPY", "amount", "15000"));
        assertThat(approved.getField("creditor")).isEqualTo(creditor());

        var jwt = platform.bean(JwtDecoder.class).decode(tokens.getAccessToken().getValue());
        assertThat(jwt.getClaims().get("authorization_details")).as("what the resource server sees")
                .isEqualTo(List.of(Map.of("type", "kakehashi_transfer",
                        "instructedAmount", Map.of("currency", "JPY", "amount", "15000"),
                        "debtorAccount", Map.of("accountId", firstAccount), "creditor", creditor(),
                        "remittanceInformation", "ｾｲｷﾕｳ 123")));

        // RFC 9396 §7: the token response names what the token may do; Nimbus parses it onto the access token
        assertThat(tokens.getAccessToken().getAuthorizationDetails()).as("RFC 9396 §7").hasSize(1);
        assertThat(AuthorizationDetail.toJSONArray(tokens.getAccessToken().getAuthorizationDetails()))
                .isEqualTo(jwt.getClaims().get("authorization_details"));

        String grantId = introspection.getStringParameter("grant_id");
        var grants = platform.bean(Grants.class);
        assertThat(grants.find(grantId).orElseThrow().accountIds()).containsExactly(firstAccount);
        assertThat(grants.authorizationDetailsOf(grantId)).isEqualTo(jwt.getClaims().get("authorization_details"));
        @SuppressWarnings("unchecked")
        var shown = (Map<String, Object>) grants.consentRecordOf(grantId).orElseThrow().shown().get("transfer");
        assertThat(shown).containsEntry("amountShown", "15,000円").containsEntry("amountYen", 15000);
        assertThat(shown.get("creditor")).isEqualTo(Map.of("bankCode", "0999", "branchCode", "101",
                "accountType", "普通", "accountNumber", "7654321", "name", "ｻﾄｳ ﾊﾅｺ"));
        assertThat(((Map<?, ?>) shown.get("debtor")).get("accountId")).isEqualTo(firstAccount);

        // the same customer, now signed in with the second factor, sees the next request's screen
        var next = tpp.authorizationRequest(new Scope("openid", "transfers"), new CodeVerifier())
                .authorizationDetails(List.of(transfer(null))).build();
        var redirect = customer.get(tpp.push(next));
        URI consent = redirect.uri().resolve(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(consent.getPath()).isEqualTo("/consent");
        String page = customer.get(consent).body();
        assertThat(page).contains("id=\"transfer\"", "15,000円", "ｻﾄｳ ﾊﾅｺ", "0999", "7654321",
                "type=\"radio\" name=\"account\" value=\"" + firstAccount + "\"");
        assertThat(page).doesNotContain("type=\"checkbox\" name=\"account\"");
    }

    @Test
    void transferDetailWhenTppNamesCustomersAccountThenThatAccountIsApproved() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("transfers"));
        // another demo customer than the other tests, so second-factor codes of one 30-s step are not shared
        var accounts = platform.bean(AccountDirectory.class).accountsOf("C0002");
        String named = accounts.get(accounts.size() - 1).accountId();
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), verifier)
                .authorizationDetails(List.of(transfer(named))).build();

        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "sato", PASSWORD, true,
                List.of(platform.bean(AccountDirectory.class).accountsOf(CUSTOMER).get(0).accountId()));

        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var tokens = OIDCTokenResponseParser.parse(tpp.sendWithDpop(
                tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null)).toSuccessResponse().getTokens();
        var introspection = introspect(tpp, tokens.getAccessToken().getValue());
        var approved = introspection.getAuthorizationDetails();
        assertThat(approved).hasSize(1);
        assertThat(approved.get(0).getField("debtorAccount")).as("the TPP's account, whatever the form posted")
                .isEqualTo(Map.of("accountId", named));
    }

    @Test
    void transferDetailWhenTppNamesAnotherCustomersAccountThenConsentIsRefused() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("transfers"));
        String others = platform.bean(AccountDirectory.class).accountsOf(CUSTOMER).get(0).accountId();
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), new CodeVerifier())
                .authorizationDetails(List.of(transfer(others))).build();

        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "kakehashi-shoji", PASSWORD, true);

        var response = AuthorizationResponse.parse(outcome.redirect());
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((AuthorizationErrorResponse) response).getErrorObject().getCode()).isEqualTo("access_denied");
    }

    static Stream<Arguments> invalidDetails() {
        String amount15000 = "\"instructedAmount\":{\"currency\":\"JPY\",\"amount\":\"15000\"}";
        return Stream.of(
                Arguments.of("[{\"type\":\"payment_initiation\"," + amount15000 + "}]",
                        "unknown authorization details type payment_initiation"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\",\"instructedAmount\":{\"currency\":\"JPY\","
                        + "\"amount\":\"0\"},CREDITOR}]", "instructedAmount.amount must be whole yen"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\",\"instructedAmount\":{\"currency\":\"JPY\","
                        + "\"amount\":\"10000000000\"},CREDITOR}]", "instructedAmount.amount must be whole yen"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\",\"instructedAmount\":{\"currency\":\"JPY\","
                        + "\"amount\":\"15,000\"},CREDITOR}]", "instructedAmount.amount must be whole yen"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\",\"instructedAmount\":{\"currency\":\"JPY\","
                        + "\"amount\":15000},CREDITOR}]", "instructedAmount.amount is required and must be a string"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\",\"instructedAmount\":{\"currency\":\"USD\","
                        + "\"amount\":\"100\"},CREDITOR}]", "instructedAmount.currency must be JPY"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\"," + amount15000 + "}]",
                        "creditor is required"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\"," + amount15000 + ",CREDITOR,\"fee\":\"0\"}]",
                        "unknown field fee in detail"),
                Arguments.of("[{\"type\":\"kakehashi_transfer\"," + amount15000 + ",CREDITOR},"
                        + "{\"type\":\"kakehashi_transfer\"," + amount15000 + ",CREDITOR}]",
                        "at most one kakehashi_transfer detail"),
                Arguments.of("[]", "must be a non-empty JSON array"),
                Arguments.of("not json", "not valid JSON"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidDetails")
    void pushedRequestWhenAuthorizationDetailsAreInvalidThenInvalidAuthorizationDetails(String details,
            String description) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("transfers"));
        String json = details.replace("CREDITOR", "\"creditor\":" + JSONObject.toJSONString(creditor()));
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), new CodeVerifier())
                .customParameter("authorization_details", json).build();

        HTTPResponse response = tpp.pushForResponse(request);

        assertInvalidDetails(response);
        assertThat(response.getContentAsJSONObject().get("error_description")).asString().contains(description);
    }

    @Test
    void pushedRequestWhenTppIsNotApprovedForTransfersThenInvalidAuthorizationDetails() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), new CodeVerifier())
                .authorizationDetails(List.of(transfer(null))).build();

        HTTPResponse response = tpp.pushForResponse(request);

        assertInvalidDetails(response);
        assertThat(response.getContentAsJSONObject().get("error_description")).asString()
                .contains("not approved for transfers");
    }

    @Test
    void pushedRequestWhenTransferDetailComesWithoutTransfersScopeThenInvalidAuthorizationDetails()
            throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "transfers"));
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier())
                .authorizationDetails(List.of(transfer(null))).build();

        HTTPResponse response = tpp.pushForResponse(request);

        assertInvalidDetails(response);
        assertThat(response.getContentAsJSONObject().get("error_description")).asString()
                .contains("needs the scope transfers");
    }

    @Test
    void discoveryWhenReadThenAdvertisesTheTransferDetailType() {
        TestTpp tpp = TestTpp.register(platform, Set.of("transfers"));

        assertThat(tpp.metadata().getAuthorizationDetailsTypes())
                .containsExactly(new AuthorizationType("kakehashi_transfer"));
    }

    // ---- helpers ----

    private static AuthorizationDetail transfer(String debtorAccountId) {
        var builder = new AuthorizationDetail.Builder(new AuthorizationType("kakehashi_transfer"))
                .field("instructedAmount", new JSONObject(Map.of("currency", "JPY", "amount", "15000")))
                .field("creditor", new JSONObject(creditor()))
                .field("remittanceInformation", "ｾｲｷﾕｳ 123");
        if (debtorAccountId != null) {
            builder.field("debtorAccount", new JSONObject(Map.of("accountId", debtorAccountId)));
        }
        return builder.build();
    }

    private static Map<String, Object> creditor() {
        return Map.of("bankCode", "0999", "branchCode", "101", "accountTypeCode", "1", "accountNumber", "7654321",
                "name", "ｻﾄｳ ﾊﾅｺ");
    }

    private static void assertInvalidDetails(HTTPResponse response) throws Exception {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(400);
        assertThat(response.getContentAsJSONObject().get("error")).as("error of %s", response.getBody())
                .isEqualTo("invalid_authorization_details");
    }

    private static TokenIntrospectionSuccessResponse introspect(TestTpp tpp, String token) throws Exception {
        var request = new TokenIntrospectionRequest(tpp.metadata().getIntrospectionEndpointURI(),
                tpp.clientAuthentication(), new TypelessAccessToken(token));
        HTTPResponse response = tpp.send(request.toHTTPRequest());
        assertThat(response.getStatusCode()).as("introspection %s", response.getBody()).isEqualTo(200);
        return TokenIntrospectionResponse.parse(response).toSuccessResponse();
    }
}
