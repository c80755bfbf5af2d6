package jp.demofintech.kakeibo.bank;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import jp.demofintech.kakeibo.KakeiboProperties;
import org.springframework.stereotype.Component;

/**
 * Connects the app to a customer's accounts with FAPI 2.0 and keeps the connection alive: pushed authorization
 * request with PKCE S256, state, nonce and {@code dpop_jkt}; the callback checked for {@code iss} (RFC 9207) and
 * state; the code redeemed with a DPoP proof; the ID token validated; tokens refreshed; the connection ended by
 * revoking the refresh token, which ends the grant at the bank.
 */
@Component
public class BankConnector {

    private final Bank bank;
    private final KakeiboProperties.Bank settings;
    private final Clock clock;

    BankConnector(Bank bank) {
        this.bank = bank;
        this.settings = bank.settings();
        this.clock = Clock.systemUTC();
    }

    /** Pushes a new authorization request and returns it, with the URL to send the customer's browser to. */
    public PendingAuthorization start() {
        var metadata = bank.discovered().metadata();
        try {
            var dpopKey = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString()).generate();
            var state = new State();
            var nonce = new Nonce();
            var verifier = new CodeVerifier();
            ClientID clientId = new ClientID(settings.clientId());
            AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                    Scope.parse(settings.scope()), clientId, settings.redirectUri())
                    .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                    // binds the code to this key (RFC 9449 §10), so a stolen code is worth nothing to another client
                    .customParameter("dpop_jkt", dpopKey.computeThumbprint().toString())
                    .endpointURI(metadata.getAuthorizationEndpointURI()).build();
            var pushed = PushedAuthorizationResponse.parse(bank.send(new PushedAuthorizationRequest(
                    metadata.getPushedAuthorizationRequestEndpointURI(), clientAuthentication(), request)
                    .toHTTPRequest()));
            if (!pushed.indicatesSuccess()) {
                throw BankProblem.refused(pushed.toErrorResponse().getErrorObject());
            }
            URI bankUrl = new AuthorizationRequest.Builder(pushed.toSuccessResponse().getRequestURI(), clientId)
                    .endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();
            return new PendingAuthorization(state.getValue(), nonce.getValue(), verifier.getValue(),
                    dpopKey.toJSONString(), bankUrl);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        catch (ParseException e) {
            throw BankProblem.unavailable("the bank's PAR answer cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the bank's answer at the callback ({@code callback}: the redirect URI with its query) for the pending
     * request, and on success redeems the code and validates the ID token.
     */
    public BankConnection finish(PendingAuthorization pending, URI callback) {
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callback);
        }
        catch (ParseException e) {
            throw BankProblem.refused(OAuth2Error.INVALID_REQUEST.getCode(), "the bank's answer cannot be read");
        }
        // RFC 9207: the answer must come from the bank the request went to (mix-up attacks), checked before all else
        if (response.getIssuer() == null || !response.getIssuer().equals(bank.discovered().metadata().getIssuer())) {
            throw BankProblem.refused("invalid_issuer", "the answer does not name the bank's issuer (RFC 9207)");
        }
        if (response.getState() == null || !pending.state().equals(response.getState().getValue())) {
            throw BankProblem.refused("invalid_state", "the answer does not belong to this request");
        }
        if (!response.indicatesSuccess()) {
            throw BankProblem.refused(response.toErrorResponse().getErrorObject());
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        var proofs = BankConnection.proofsFor(pending.dpopKey());
        Tokens tokens = tokenRequest(new AuthorizationCodeGrant(code, settings.redirectUri(),
                new CodeVerifier(pending.codeVerifier())), proofs, false);
        IDTokenClaimsSet idToken = validIdToken(tokens, new Nonce(pending.nonce()));
        var connection = new BankConnection(pending.dpopKey(), idToken.getSubject().getValue(),
                idToken.getAuthenticationTime() == null ? null : idToken.getAuthenticationTime().toInstant(),
                clock.instant());
        connection.tokens((DPoPAccessToken) tokens.getAccessToken(),
                tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(), clock.instant());
        connection.customerName(customerName(connection));
        return connection;
    }

    /** Refreshes the access token when it expires within {@code margin}. */
    void refreshIfExpiring(BankConnection connection, Duration margin) {
        synchronized (connection) {
            if (connection.accessTokenExpiresWithin(margin, clock.instant())) {
                refresh(connection);
            }
        }
    }

    /** Gets a new access token with the refresh token; a refusal means the grant is over at the bank. */
    void refresh(BankConnection connection) {
        synchronized (connection) {
            if (connection.refreshToken() == null) {
                throw BankProblem.connectionEnded("no_refresh_token", "the access token expired and cannot be renewed");
            }
            Tokens tokens = tokenRequest(new RefreshTokenGrant(new RefreshToken(connection.refreshToken())),
                    connection.proofs(), true);
            connection.tokens((DPoPAccessToken) tokens.getAccessToken(),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(), clock.instant());
        }
    }

    /**
     * Ends the connection at the bank (RFC 7009): revoking the refresh token ends the grant and with it every token
     * of it. A grant the bank already ended counts as ended.
     */
    public void revoke(BankConnection connection) {
        String refresh = connection.refreshToken();
        var token = refresh != null ? new RefreshToken(refresh) : connection.accessToken();
        var response = bank.send(new TokenRevocationRequest(bank.discovered().metadata().getRevocationEndpointURI(),
                clientAuthentication(), token).toHTTPRequest());
        if (!response.indicatesSuccess()) {
            throw BankProblem.refused("revocation_failed", "the bank answered HTTP " + response.getStatusCode()
                    + " to the revocation: " + response.getContent());
        }
    }

    private Tokens tokenRequest(AuthorizationGrant grant, com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory proofs,
            boolean refreshing) {
        URI endpoint = bank.discovered().metadata().getTokenEndpointURI();
        var http = bank.sendWithDpop(() -> new TokenRequest(endpoint, clientAuthentication(), grant).toHTTPRequest(),
                proofs, null);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http);
        }
        catch (ParseException e) {
            throw BankProblem.unavailable("the bank's token answer cannot be read: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            var error = response.toErrorResponse().getErrorObject();
            if (refreshing && OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode())) {
                throw BankProblem.connectionEnded(error.getCode(), error.getDescription());
            }
            throw BankProblem.refused(error);
        }
        var success = response.toSuccessResponse();
        Tokens tokens = success instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens() : success.getTokens();
        // FAPI 2.0: the app accepts only sender-constrained tokens; a bearer token would be usable by anyone
        if (!(tokens.getAccessToken() instanceof DPoPAccessToken)) {
            throw BankProblem.refused("invalid_token_type", "the bank issued a "
                    + tokens.getAccessToken().getType() + " token, not a DPoP-bound one");
        }
        return tokens;
    }

    private IDTokenClaimsSet validIdToken(Tokens tokens, Nonce nonce) {
        if (!(tokens instanceof com.nimbusds.openid.connect.sdk.token.OIDCTokens oidc) || oidc.getIDToken() == null) {
            throw BankProblem.refused("invalid_id_token", "the bank sent no ID token");
        }
        try {
            return bank.discovered().idTokens().validate(oidc.getIDToken(), nonce);
        }
        catch (BadJOSEException | JOSEException e) {
            throw BankProblem.refused("invalid_id_token", e.getMessage());
        }
    }

    /** The customer's name from the bank's userinfo, or null when the bank does not give it. */
    private String customerName(BankConnection connection) {
        DPoPAccessToken token = connection.accessToken();
        var http = bank.sendWithDpop(() -> new UserInfoRequest(
                bank.discovered().metadata().getUserInfoEndpointURI(), token).toHTTPRequest(),
                connection.proofs(), token);
        try {
            UserInfoResponse response = UserInfoResponse.parse(http);
            return response.indicatesSuccess() ? response.toSuccessResponse().getUserInfo().getName() : null;
        }
        catch (ParseException e) {
            return null;
        }
    }

    private ClientAuthentication clientAuthentication() {
        return ClientKey.assertion(settings.clientKeyFile(), settings.clientId(), settings.issuer().toString());
    }
}
