package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiJwts.dpopProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.keys.ServerSecrets;
import jp.kakehashi.authorization.keys.TestServerSecrets;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * DPoP nonces at the resources (RFC 9449 §9) for the clients the bank requires them of: without a nonce the server
 * issued, 401 {@code use_dpop_nonce} in the resource's challenge with a fresh {@code DPoP-Nonce}; with last minute's,
 * the call passes and gets the current one (§8.2); clients without the requirement and bearer calls are untouched.
 */
class ResourceDpopNoncesTests {

    private static final String ACCOUNTS = "https://bank.example/v1/accounts";

    private final ServerSecrets secrets = TestServerSecrets.random();
    private final DpopNonces nonces = new DpopNonces(secrets, Clock.systemUTC());
    private final Tpps tpps = mock(Tpps.class);
    private AuthenticationException challenged;
    private final OncePerRequestFilter filter = new ResourceDpopNonces(nonces, tpps).filter((request, response, e) -> {
        challenged = e;
        response.setStatus(401);
    });
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    ResourceDpopNoncesTests() {
        when(tpps.findClient(anyString())).thenReturn(Optional.empty());
        when(tpps.findClient(CLIENT_ID)).thenReturn(Optional.of(client(true)));
        when(tpps.findClient("relaxed-client")).thenReturn(Optional.of(client(false)));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void doFilterWhenTheClientMustUseNoncesAndTheProofHasNoneThenUseDpopNonceWithAFreshNonce() throws Exception {
        tokenOf(CLIENT_ID);

        filter.doFilter(call("DPoP token", dpopProof(ecKey(), ACCOUNTS).serialize()), response, chain);

        assertThat(chain.getRequest()).as("the resource is not reached").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader(DpopNonces.HEADER)).isEqualTo(nonces.current());
        assertThat(challenged).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                e -> assertThat(e.getError().getErrorCode()).isEqualTo(AuthorizationErrorCode.USE_DPOP_NONCE.code()));
    }

    @Test
    void doFilterWhenTheClientMustUseNoncesAndTheProofHasAnUnknownOneThenUseDpopNonce() throws Exception {
        tokenOf(CLIENT_ID);

        filter.doFilter(call("DPoP token", dpopProof(ecKey(), ACCOUNTS).claim("nonce", "made-up").serialize()),
                response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(challenged).isNotNull();
    }

    @Test
    void doFilterWhenTheClientMustUseNoncesAndTheProofHasTheCurrentOneThenPassesWithoutANewNonce() throws Exception {
        tokenOf(CLIENT_ID);

        filter.doFilter(call("DPoP token", dpopProof(ecKey(), ACCOUNTS).claim("nonce", nonces.current()).serialize()),
                response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader(DpopNonces.HEADER)).isNull();
        assertThat(challenged).isNull();
    }

    @Test
    void doFilterWhenTheProofHasLastMinutesNonceThenPassesAndGetsTheCurrentOne() throws Exception {
        tokenOf(CLIENT_ID);
        String previous = DpopNoncesTests.at(Instant.now().minusSeconds(60), secrets).current();

        filter.doFilter(call("dpop token", dpopProof(ecKey(), ACCOUNTS).claim("nonce", previous).serialize()),
                response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader(DpopNonces.HEADER)).isEqualTo(nonces.current());
    }

    @Test
    void doFilterWhenTheClientNeedNotUseNoncesThenPasses() throws Exception {
        tokenOf("relaxed-client");

        filter.doFilter(call("DPoP token", dpopProof(ecKey(), ACCOUNTS).serialize()), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader(DpopNonces.HEADER)).isNull();
    }

    @Test
    void doFilterWhenTheClientIsUnknownThenPasses() throws Exception {
        tokenOf("unknown-client");

        filter.doFilter(call("DPoP token", dpopProof(ecKey(), ACCOUNTS).serialize()), response, chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void doFilterWhenABearerCallThenPasses() throws Exception {
        tokenOf(CLIENT_ID);

        filter.doFilter(call("Bearer token", null), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(challenged).isNull();
    }

    @Test
    void doFilterWhenNotAuthenticatedWithAnAccessTokenThenPasses() throws Exception {
        filter.doFilter(call("DPoP token", dpopProof(ecKey(), ACCOUNTS).serialize()), response, chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private static void tokenOf(String clientId) {
        Jwt token = Jwt.withTokenValue("token").header("alg", "ES256").claim("client_id", clientId)
                .subject("customer").build();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(token));
        SecurityContextHolder.setContext(context);
    }

    private static MockHttpServletRequest call(String authorization, String proof) {
        var request = new MockHttpServletRequest("GET", "/v1/accounts");
        request.addHeader("Authorization", authorization);
        if (proof != null) {
            request.addHeader("DPoP", proof);
        }
        return request;
    }

    private static TppClient client(boolean dpopNonceRequired) {
        return new TppClient(CLIENT_ID, "tpp", "TPP app", List.of(TestFapiClients.REDIRECT_URI), null, null,
                TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP, dpopNonceRequired);
    }
}
