package jp.kakehashi.systemtests.support;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;

/**
 * A TPP connected to a customer's accounts through the whole FAPI flow (PAR, sign-in, consent, token with DPoP),
 * for tests whose subject is what happens afterwards.
 *
 * @param tpp          the TPP
 * @param grantId      the grant, as the access token's introspection names it
 * @param accessToken  the DPoP-bound access token
 * @param refreshToken the refresh token
 */
public record Connection(TestTpp tpp, String grantId, DPoPAccessToken accessToken, RefreshToken refreshToken) {

    public static Connection establish(RunningPlatform platform, TestTpp tpp, String loginId, String... scopes)
            throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        var code = authorizationCode(platform, tpp, loginId, verifier, scopes);
        var response = OIDCTokenResponseParser.parse(tpp.sendWithDpop(new TokenRequest(
                tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest(), null));
        var tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        var access = (DPoPAccessToken) tokens.getAccessToken();
        return new Connection(tpp, grantIdOf(response.toSuccessResponse()), access, tokens.getRefreshToken());
    }

    /**
     * The grant the tokens belong to, as the token response names it to the TPP (Grant Management §5.5,
     * {@code grant_id}): the id the grant management endpoint, the customer's connected-services page and the
     * execution log use.
     */
    public static String grantIdOf(AccessTokenResponse response) {
        Object grantId = response.getCustomParameters().get("grant_id");
        if (!(grantId instanceof String id) || id.isBlank()) {
            throw new AssertionError("the token response names no grant_id: " + response.toJSONObject());
        }
        return id;
    }

    /**
     * Runs the front-channel part of the flow (PAR, sign-in, consent) for a demo customer and returns the
     * authorization code, for tests whose subject is what the token endpoint does with it.
     */
    public static AuthorizationCode authorizationCode(RunningPlatform platform, TestTpp tpp, String loginId,
            CodeVerifier verifier, String... scopes) throws Exception {
        var request = tpp.authorizationRequest(new Scope(scopes), verifier).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), loginId, "Kakehashi#2026", true);
        return AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
    }

    /** The HTTP status of a userinfo call with the access token, as a resource request of the TPP. */
    public int userInfoStatus() throws Exception {
        var request = new UserInfoRequest(tpp.metadata().getUserInfoEndpointURI(), accessToken).toHTTPRequest();
        return tpp.sendWithDpop(request, accessToken).getStatusCode();
    }
}
