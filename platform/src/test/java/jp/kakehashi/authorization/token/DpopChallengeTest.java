package jp.kakehashi.authorization.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** RFC 9449 §7.1: the challenge names exactly the algorithms the resources accept, in a well-formed header. */
class DpopChallengeTest {

    @Test
    void commenceWhenProofRefusedThenErrorDescriptionAndOnlyEs256AndPs256() {
        var response = new MockHttpServletResponse();

        new DpopChallenge().commence(new MockHttpServletRequest(), response, new OAuth2AuthenticationException(
                new OAuth2Error("invalid_dpop_proof", "jti claim is invalid or unable to cache.", null)));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("DPoP error=\"invalid_dpop_proof\", "
                + "error_description=\"jti claim is invalid or unable to cache.\", algs=\"ES256 PS256\"");
    }

    @Test
    void commenceWhenDescriptionQuotesInputThenItCannotEndTheQuotedStringEarly() {
        var response = new MockHttpServletResponse();
        response.addHeader("WWW-Authenticate", "Bearer");

        new DpopChallenge().commence(new MockHttpServletRequest(), response, new OAuth2AuthenticationException(
                new OAuth2Error("invalid_token", "bad \"x\", algs=\"none\\", null)));

        assertThat(response.getHeaders("WWW-Authenticate")).containsExactly("Bearer",
                "DPoP error=\"invalid_token\", error_description=\"bad \\\"x\\\", algs=\\\"none\\\\\", algs=\"ES256 PS256\"");
    }

    @Test
    void commenceWhenNoTokenThenOnlyTheAlgorithms() {
        var response = new MockHttpServletResponse();

        new DpopChallenge().commence(new MockHttpServletRequest(), response,
                new InsufficientAuthenticationException("no token"));

        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("DPoP algs=\"ES256 PS256\"");
    }
}
