package jp.kakehashi.notification.secevent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.notification.signing.SecurityEventKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank's Shared Signals endpoints: its transmitter metadata, the public keys of its security event tokens, and
 * the push endpoint where trusted banks deliver theirs (RFC 8935: 202 when accepted, 400 with {@code err} else).
 */
@RestController
class SecurityEventEndpoints {

    static final String JWKS = "/secevents/jwks.json";
    static final String PUSH = "/secevents/push";

    private final SecurityEventKey key;
    private final SecurityEventTokens tokens;
    private final ReceivedSecurityEvents received;

    SecurityEventEndpoints(SecurityEventKey key, SecurityEventTokens tokens, ReceivedSecurityEvents received) {
        this.key = key;
        this.tokens = tokens;
        this.received = received;
    }

    @GetMapping(path = JWKS, produces = "application/jwk-set+json")
    Map<String, Object> jwks() {
        return key.publicJwks().toJSONObject(true);
    }

    // OpenID Shared Signals Framework 1.0 §7.1: what a receiver needs to trust and reach this transmitter
    @GetMapping(path = "/.well-known/ssf-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> configuration() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("spec_version", "1_0");
        metadata.put("issuer", tokens.issuer());
        metadata.put("jwks_uri", tokens.issuer() + JWKS);
        metadata.put("delivery_methods_supported", List.of("urn:ietf:rfc:8935"));
        return metadata;
    }

    @PostMapping(path = PUSH, consumes = "application/secevent+jwt")
    ResponseEntity<Map<String, String>> push(@RequestBody String token) {
        return switch (received.receive(token.strip())) {
            case ReceivedSecurityEvents.Receipt.Accepted accepted -> ResponseEntity.status(HttpStatus.ACCEPTED).build();
            case ReceivedSecurityEvents.Receipt.Rejected rejected -> ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("err", rejected.err().code(), "description", rejected.description()));
        };
    }
}
