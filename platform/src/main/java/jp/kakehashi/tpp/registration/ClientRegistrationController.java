package jp.kakehashi.tpp.registration;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import jp.kakehashi.tpp.RegistrationTokens;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7591 dynamic client registration for TPPs the bank has approved. The TPP proves who it is with the initial
 * access token the bank issued to it (one client per token); the new client must be a FAPI 2.0 client:
 * {@code private_key_jwt} or {@code tls_client_auth}, https redirect URIs, and sender-constrained tokens (DPoP by
 * default, mTLS on request).
 * <p>
 * Scopes (B5, RFC 7591 §2 and §3.2.1): the client is registered for the scopes it asked for, each of which must be
 * approved for its TPP ({@code openid} needs no approval: it only asks for an ID token of the customer who consents),
 * and the answer's {@code scope} is exactly that. A scope the TPP is not approved for refuses the whole registration
 * with {@code invalid_client_metadata} naming it, rather than registering less than was asked. Without {@code scope},
 * the bank chooses, as §2 lets it: the client gets {@code openid} and every scope its TPP is approved for, now and as
 * the bank's approval changes, and the answer lists them as they are at registration. Restricting or suspending the
 * TPP (A6) narrows what any of its clients can use, whatever it registered.
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
            return error(HttpStatus.UNAUTHORIZED, RegistrationErrorCode.INVALID_TOKEN, "an initial access token is required");
        }
        RegistrationProblem problem = RegistrationProblem.of(metadata);
        if (problem != null) {
            return error(HttpStatus.BAD_REQUEST, problem.code(), problem.description());
        }
        String clientId = "tpp-client-" + UUID.randomUUID();
        var tppId = tokens.redeem(authorization.substring(7).trim(), clientId);
        if (tppId.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, RegistrationErrorCode.INVALID_TOKEN, "the initial access token is unknown, used or expired");
        }
        Tpp tpp = tpps.find(tppId.get()).orElseThrow();
        // a refusal rolls back the token redemption too: a refused registration must not use up the token
        if (!tpp.canConnect()) {
            throw new RefusedRegistration(RegistrationErrorCode.INVALID_CLIENT_METADATA, "the TPP may not connect");
        }
        Set<String> scopes = registeredScopes(metadata.scope(), tpp);
        TppClient client = toClient(clientId, tpp.id(), metadata, scopes);
        tpps.registerClient(client);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(response(client, metadata, scopes == null ? withOpenId(tpp.approvedScopes()) : scopes));
    }

    /**
     * The scopes requested, each approved for the TPP or {@code openid}; null for none requested (the TPP's approved
     * scopes, RFC 7591 §2). Any other scope refuses the registration, naming it.
     */
    private static Set<String> registeredScopes(String scope, Tpp tpp) {
        if (scope == null || scope.isBlank()) {
            return null;
        }
        Set<String> requested = new TreeSet<>(List.of(scope.trim().split("\\s+")));
        Set<String> notApproved = new TreeSet<>(requested);
        notApproved.removeAll(withOpenId(tpp.approvedScopes()));
        if (!notApproved.isEmpty()) {
            throw new RefusedRegistration(RegistrationErrorCode.INVALID_CLIENT_METADATA, "scope " + String.join(" ", notApproved)
                    + " is not approved for the TPP; nothing was registered");
        }
        return requested;
    }

    private static Set<String> withOpenId(Set<String> approved) {
        Set<String> scopes = new TreeSet<>(approved);
        scopes.add(OidcScopes.OPENID);
        return scopes;
    }

    private static TppClient toClient(String clientId, String tppId, ClientMetadata metadata, Set<String> scopes) {
        var method = metadata.tokenEndpointAuthMethod() == null ? TppClient.AuthMethod.PRIVATE_KEY_JWT
                : TppClient.AuthMethod.of(metadata.tokenEndpointAuthMethod());
        boolean mtls = Boolean.TRUE.equals(metadata.tlsClientCertificateBoundAccessTokens());
        return new TppClient(clientId, tppId, metadata.clientName() == null ? clientId : metadata.clientName(),
                metadata.redirectUris(), metadata.jwks() == null ? null : jwks(metadata.jwks()).toString(),
                metadata.jwksUri(), method, metadata.tlsClientAuthSubjectDn(),
                mtls ? TppClient.SenderConstraint.MTLS : TppClient.SenderConstraint.DPOP,
                Boolean.TRUE.equals(metadata.dpopNonceRequired()), metadata.messageSigning(), scopes);
    }

    private Map<String, Object> response(TppClient client, ClientMetadata metadata, Set<String> scopes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.clientId());
        body.put("client_id_issued_at", clock.instant().getEpochSecond());
        body.put("client_name", client.clientName());
        body.put("redirect_uris", client.redirectUris());
        body.put("token_endpoint_auth_method", client.authMethod().value());
        body.put("grant_types", List.copyOf(GRANT_TYPES));
        body.put("response_types", List.of("code"));
        body.put("scope", String.join(" ", new TreeSet<>(scopes)));
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
            throw new RefusedRegistration(RegistrationErrorCode.INVALID_CLIENT_METADATA, "jwks is not a JWK set");
        }
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, RegistrationErrorCode code, String description) {
        return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("error", code.code(), "error_description", description));
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
