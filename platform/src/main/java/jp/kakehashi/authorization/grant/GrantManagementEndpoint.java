package jp.kakehashi.authorization.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.GrantStatus;
import jp.kakehashi.consent.Grants;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The grant management endpoint (Grant Management §6): a TPP's client reads ({@code GET}, scope
 * {@code grant_management_query}) or ends ({@code DELETE}, scope {@code grant_management_revoke}) one of its own
 * grants, with an access token of its own that is sender-constrained like every other ({@link GrantManagementSecurity}).
 * A grant of another client is answered as an unknown one, 404 (§6.6), so its existence is not disclosed. Revocation
 * goes the way every revocation of a grant goes ({@link Grants}): the grant ends and every token of it stops in the
 * same transaction on every node (B8), and the customer's connected-services page no longer lists it.
 */
@RestController
public class GrantManagementEndpoint {

    /** Where the endpoint is, below the issuer (the {@code grant_management_endpoint} of discovery, §7.1). */
    public static final String PATH = "/grants";

    private final Grants grants;
    private final Clock clock;

    GrantManagementEndpoint(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /** §6.4: the grant's rights, as the customer consented to them, its state and its times. */
    @GetMapping(PATH + "/{grantId}")
    ResponseEntity<Map<String, Object>> query(@PathVariable String grantId, @AuthenticationPrincipal Jwt token) {
        return ownGrant(grantId, token).map(grant -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(describe(grant))).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** §6.5: ends the grant and every token issued under it; 204. */
    @DeleteMapping(PATH + "/{grantId}")
    ResponseEntity<Void> revoke(@PathVariable String grantId, @AuthenticationPrincipal Jwt token) {
        Optional<Grant> grant = ownGrant(grantId, token);
        if (grant.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // an already ended grant stays ended: the answer is the same, as for a repeated DELETE
        grants.revokeByTpp(grantId, grant.get().clientId(), "revoked by the TPP at the grant management endpoint");
        return ResponseEntity.noContent().build();
    }

    private Optional<Grant> ownGrant(String grantId, Jwt token) {
        String clientId = token.getClaimAsString("client_id");
        return grants.find(grantId).filter(grant -> grant.clientId().equals(clientId));
    }

    private Map<String, Object> describe(Grant grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scopes", List.of(Map.of("scope", String.join(" ", grant.scopes().stream().sorted().toList()))));
        List<Map<String, Object>> details = grants.authorizationDetailsOf(grant.id());
        if (!details.isEmpty()) {
            body.put("authorization_details", details);
        }
        // an extension the spec allows (§6.4): whether the grant is in force, e.g. after the customer ended it
        body.put("status", status(grant));
        body.put("created_at", grant.createdAt().getEpochSecond());
        body.put("expires_at", grant.expiresAt().getEpochSecond());
        grants.updatedAtOf(grant.id()).map(Instant::getEpochSecond)
                .ifPresent(updated -> body.put("last_updated_at", updated));
        return body;
    }

    private String status(Grant grant) {
        return grant.status() == GrantStatus.ACTIVE && !grant.isUsableAt(clock.instant())
                ? "expired" : grant.status().name().toLowerCase(Locale.ROOT);
    }
}
