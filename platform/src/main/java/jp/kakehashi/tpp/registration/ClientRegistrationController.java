package jp.kakehashi.tpp.registration;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.tpp.RegistrationTokens;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7591 dynamic client registration for TPPs the bank has approved. The TPP proves who it is with the initial
 * access token the bank issued to it (one client per token); the new client can only ever get the TPP's approved
 * scopes (B5) and must be a FAPI 2.0 client: {@code private_key_jwt} or {@code tls_client_auth}, https redirect
 * URIs, and sender-constrained tokens (DPoP by default, mTLS on request).
 */
@RestController
class ClientRegistrationController {

    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

    private final RegistrationTokens tokens;
    private final Tpps tpps;
    private final Clock clock;

    ClientRegistrationController(RegistrationTokens tokens, Tpps tpps, Clock clock) {
        this.tokens = tokens;
        this.tpps = tpps;
        this.clock = clock;
    }

    @PostMapping(path = "/connect/register", consumes = "application/json", produces = "application/json")
    @Transactional
    ResponseEntity<Map<String, Object>> register(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ClientMetadata metadata) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_token", "an initial access token is required");
        }
        RegistrationProblem problem = RegistrationProblem.of(metadata);
        if (problem != null) {
            return error(HttpStatus.BAD_REQUEST, problem.code(), problem.description());
        }
        String clientId = "tpp-client-" + UUID.randomUUID();
        var tppId = tokens.redeem(authorization.substring(7).trim(), clientId);
        if (tppId.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_token", "the initial access token is unknown, used or expired");
        }
        Tpp tpp = tpps.find(tppId.get()).orElseThrow();
        List<String> requested = metadata.scope() == null ? List.of() : List.of(metadata.scope().trim().split("\\s+"));
        if (!tpp.canConnect() || !requested.stream().allMatch(s -> s.equals("openid") || tpp.approvedScopes().contains(s))) {
            // roll back the token redemption too: a refused registration must not use up the token
            throw new RefusedRegistration("invalid_client_metadata", tpp.canConnect()
                    ? "scope asks for more than the TPP is approved for: " + tpp.approvedScopes()
                    : "the TPP may not connect");
        }
        TppClient client = toClient(clientId, tpp.id(), metadata);
        tpps.registerClient(client);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(response(client, metadata, tpp));
    }

    private static TppClient toClient(String clientId, String tppId, ClientMetadata metadata) {
        var method = metadata.tokenEndpointAuthMethod() == null ? TppClient.AuthMethod.PRIVATE_KEY_JWT
                : TppClient.AuthMethod.of(metadata.tokenEndpointAuthMethod());
        boolean mtls = Boolean.TRUE.equals(metadata.tlsClientCertificateBoundAccessTokens());
        return new TppClient(clientId, tppId, metadata.clientName() == null ? clientId : metadata.clientName(),
                metadata.redirectUris(), metadata.jwks() == null ? null : jwks(metadata.jwks()).toString(),
                metadata.jwksUri(), method, metadata.tlsClientAuthSubjectDn(),
                mtls ? TppClient.SenderConstraint.MTLS : TppClient.SenderConstraint.DPOP,
                Boolean.TRUE.equals(metadata.dpopNonceRequired()),
                metadata.messageSigning());
    }

    private Map<String, Object> response(TppClient client, ClientMetadata metadata, Tpp tpp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.clientId());
        body.put("client_id_issued_at", clock.instant().getEpochSecond());
        body.put("client_name", client.clientName());
        body.put("redirect_uris", client.redirectUris());
        body.put("token_endpoint_auth_method", client.authMethod().value());
        body.put("grant_types", List.copyOf(GRANT_TYPES));
        body.put("response_types", List.of("code"));
        body.put("scope", String.join(" ", new java.util.TreeSet<>(tpp.approvedScopes())));
        if (client.jwks() != null) {
            body.put("jwks", metadata.jwks());
        }
        if (client.jwksUri() != null) {
            body.put("jwks_uri", client.jwksUri());
        }
        if (client.tlsClientAuthSubjectDn() != null) {
            body.put("tls_client_auth_subject_dn", client.tlsClientAuthSubjectDn());
        }
        body.put("dpop_bound_access_tokens", client.senderConstraint() == TppClient.SenderConstraint.DPOP);
        body.put("tls_client_certificate_bound_access_tokens",
                client.senderConstraint() == TppClient.SenderConstraint.MTLS);
        body.put(ClientMetadata.DPOP_NONCE_REQUIRED, client.dpopNonceRequired());
        messageSigning(body, client.messageSigning());
        return body;
    }

    /** RFC 7591 §3.2.1: the registered values, including those the bank chose. */
    private static void messageSigning(Map<String, Object> body, jp.kakehashi.tpp.ClientMessageSigning signing) {
        body.put("require_signed_request_object", signing.requireSignedRequestObject());
        if (signing.requestObjectSigningAlg() != null) {
            body.put("request_object_signing_alg", signing.requestObjectSigningAlg());
        }
        if (signing.authorizationSignedResponseAlg() != null) {
            body.put("authorization_signed_response_alg", signing.authorizationSignedResponseAlg());
        }
        if (signing.introspectionSignedResponseAlg() != null) {
            body.put("introspection_signed_response_alg", signing.introspectionSignedResponseAlg());
        }
    }

    static JWKSet jwks(Map<String, Object> json) {
        try {
            return JWKSet.parse(json);
        }
        catch (java.text.ParseException e) {
            throw new RefusedRegistration("invalid_client_metadata", "jwks is not a JWK set");
        }
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
        return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("error", code, "error_description", description));
    }

    static boolean isHttpsUri(String value) {
        try {
            URI uri = URI.create(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getFragment() == null;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isAllowedKey(JWK key) {
        if (key.isPrivate()) {
            return false;
        }
        return switch (key.getKeyType().getValue()) {
            case "EC" -> "P-256".equals(key.toECKey().getCurve().getName());
            case "RSA" -> key.size() >= 2048;
            case "OKP" -> "Ed25519".equals(key.toOctetKeyPair().getCurve().getName());
            default -> false;
        };
    }

    static Set<String> grantTypes() {
        return GRANT_TYPES;
    }
}
