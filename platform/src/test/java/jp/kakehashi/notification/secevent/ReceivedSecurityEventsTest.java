package jp.kakehashi.notification.secevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.notification.DeliveriesContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** F3: SETs pushed by a trusted bank are taken (202) and stored; any other is refused with RFC 8935's error. */
class ReceivedSecurityEventsTest extends DeliveriesContext {

    private static final String EVENT = "https://schemas.openid.net/secevent/risc/event-type/account-disabled";

    @Autowired
    WebApplicationContext web;

    @Autowired
    ReceivedSecurityEvents received;

    @Value("${kakehashi.issuer}")
    String audience;

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void pushWhenSignedByTrustedBankThenAcceptedOnceAndStored() throws Exception {
        String jti = UUID.randomUUID().toString();
        String token = set(OTHER_BANK, audience, jti, OTHER_BANKS_KEY);

        push(token).andExpect(status().isAccepted());
        push(token).andExpect(status().isAccepted());

        assertThat(received.latest(50)).filteredOn(event -> event.jti().equals(jti)).singleElement()
                .satisfies(event -> {
                    assertThat(event.issuer()).isEqualTo(OTHER_BANK);
                    assertThat(event.eventTypes()).containsExactly(EVENT);
                });
    }

    @Test
    void pushWhenIssuerIsNotTrustedThenRefusedWithInvalidIssuerAndNothingStored() throws Exception {
        String jti = UUID.randomUUID().toString();

        push(set("https://unknown-bank.example", audience, jti, key())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.err").value("invalid_issuer"));

        assertThat(received.latest(50)).noneMatch(event -> event.jti().equals(jti));
    }

    @Test
    void pushWhenTrustedIssuerButSignedWithAnotherKeyThenRefusedWithInvalidKey() throws Exception {
        String jti = UUID.randomUUID().toString();

        push(set(OTHER_BANK, audience, jti, key())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.err").value("invalid_key"));

        assertThat(received.latest(50)).noneMatch(event -> event.jti().equals(jti));
    }

    @Test
    void pushWhenAddressedToAnotherBankThenRefusedWithInvalidAudience() throws Exception {
        push(set(OTHER_BANK, "https://somebody-else.example", UUID.randomUUID().toString(), OTHER_BANKS_KEY))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.err").value("invalid_audience"));
    }

    @Test
    void pushWhenIssuedLongAgoOrInTheFutureThenRefusedAndNothingStored() throws Exception {
        String old = UUID.randomUUID().toString();
        String ahead = UUID.randomUUID().toString();

        push(set(OTHER_BANK, audience, old, OTHER_BANKS_KEY, Instant.now().minus(Duration.ofDays(8))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.err").value("invalid_request"));
        push(set(OTHER_BANK, audience, ahead, OTHER_BANKS_KEY, Instant.now().plus(Duration.ofMinutes(10))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.err").value("invalid_request"));

        assertThat(received.latest(200)).extracting(ReceivedSecurityEvent::jti).doesNotContain(old, ahead);
    }

    private org.springframework.test.web.servlet.ResultActions push(String token) throws Exception {
        return mvc.perform(post("/secevents/push").contentType("application/secevent+jwt").content(token));
    }

    private static String set(String issuer, String audience, String jti, ECKey key) throws Exception {
        return set(issuer, audience, jti, key, Instant.now());
    }

    private static String set(String issuer, String audience, String jti, ECKey key, Instant issuedAt)
            throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("secevent+jwt"))
                .keyID(key.getKeyID()).build(), new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .issueTime(Date.from(issuedAt)).jwtID(jti)
                .claim("sub_id", Map.of("format", "opaque", "id", "tpp-at-other-bank"))
                .claim("events", Map.of(EVENT, Map.of())).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

}
