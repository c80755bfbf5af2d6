package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import java.util.Set;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;

/**
 * The whole FAPI 2.0 flow with a real client library (Nimbus OAuth 2.0 SDK): PAR → sign-in → consent → token with
 * DPoP → userinfo → refresh → revocation (B1, B2, B6, B7, B8, D1, D5).
 */
class FapiAuthorizationCodeFlowTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void authorizationCodeFlowWhenCustomerAgreesThenTokensWorkUntilRevoked() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = tpp.authorizationRequest(new Scope("openid", "accounts", "balances"), verifier)
                .build();

        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "yamada", "Kakehashi#2026", true);

        AuthorizationResponse response = AuthorizationResponse.parse(outcome.redirect());
        assertThat(response.indicatesSuccess()).as("authorization response %s", outcome.redirect()).isTrue();
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        assertThat(success.getState()).isEqualTo(request.getState());
        assertThat(success.getIssuer().getValue()).as("RFC 9207 iss").isEqualTo(platform.issuer().toString());
        assertThat(outcome.status()).as("FAPI 2.0: 303, never 307").isEqualTo(303);

        var tokenRequest = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new AuthorizationCodeGrant(success.getAuthorizationCode(), TestTpp.REDIRECT_URI, verifier));
        var tokenResponse = OIDCTokenResponseParser.parse(tpp.sendWithDpop(tokenRequest.toHTTPRequest(), null));
        assertThat(tokenResponse.indicatesSuccess()).as("token response %s", tokenResponse.indicatesSuccess() ? ""
                : tokenResponse.toErrorResponse().getErrorObject().toJSONObject()).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
        assertThat(tokens.getOIDCTokens().getAccessToken()).isInstanceOf(DPoPAccessToken.class);
        assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
        SignedJWT idToken = (SignedJWT) tokens.getOIDCTokens().getIDToken();
        assertThat(idToken.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("C0001");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo(request.getNonce().getValue());
        assertThat(idToken.getJWTClaimsSet().getStringClaim("acr")).isEqualTo("urn:kakehashi:acr:password");

        DPoPAccessToken accessToken = (DPoPAccessToken) tokens.getOIDCTokens().getAccessToken();
        assertThat(userInfo(tpp, accessToken).indicatesSuccess()).isTrue();
        assertThat(userInfo(tpp, accessToken).toSuccessResponse().getUserInfo().getSubject().getValue())
                .isEqualTo("C0001");

        var refresh = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        var refreshed = OIDCTokenResponseParser.parse(tpp.sendWithDpop(refresh.toHTTPRequest(), null));
        assertThat(refreshed.indicatesSuccess()).as("refresh %s", refreshed).isTrue();
        var newAccess = (DPoPAccessToken) refreshed.toSuccessResponse().getTokens().getAccessToken();
        assertThat(newAccess.getValue()).isNotEqualTo(accessToken.getValue());
        assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken())
                .as("no refresh token rotation (FAPI 2.0)").satisfiesAnyOf(
                        rt -> assertThat(rt).isNull(),
                        rt -> assertThat(rt).isEqualTo(tokens.getOIDCTokens().getRefreshToken()));
        assertThat(userInfo(tpp, accessToken).indicatesSuccess())
                .as("the earlier access token works until it expires (no rotation, B7)").isTrue();
        assertThat(userInfo(tpp, newAccess).indicatesSuccess()).isTrue();

        var revocation = new TokenRevocationRequest(tpp.metadata().getRevocationEndpointURI(),
                tpp.clientAuthentication(), tokens.getOIDCTokens().getRefreshToken());
        assertThat(tpp.send(revocation.toHTTPRequest()).getStatusCode()).isEqualTo(200);
        var afterRevocation = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest(), null));
        assertThat(afterRevocation.indicatesSuccess()).isFalse();
        assertThat(afterRevocation.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    private static UserInfoResponse userInfo(TestTpp tpp, DPoPAccessToken token) throws Exception {
        var request = new UserInfoRequest(tpp.metadata().getUserInfoEndpointURI(), token).toHTTPRequest();
        return UserInfoResponse.parse(tpp.sendWithDpop(request, token));
    }
}
