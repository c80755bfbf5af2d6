package jp.kakehashi.risk;

import jakarta.servlet.ServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a TPP told the bank about the call and its customer's session, as validated values (C1, C3). Every field but
 * the interaction id and the client address may be null: the headers are optional, and a malformed one is null here
 * with its name in {@link #invalidHeaders()}.
 *
 * @param interactionId          the FAPI interaction id, the TPP's or one the bank generated
 * @param interactionIdGenerated whether the bank generated it because the TPP sent none
 * @param customerIpAddress      the customer's IP address as the TPP saw it, normalised
 * @param customerUserAgent      the customer's user agent as the TPP saw it, bounded and without control characters
 * @param authDate               when the customer last signed in at the TPP ({@code x-fapi-auth-date})
 * @param authFailureCount       failed customer authentications at the TPP ({@code x-kakehashi-auth-failure-count})
 * @param clientIpAddress        the address the call came from (the TPP's server or the load balancer's view of it)
 * @param invalidHeaders         the lower-case names of headers that were present but malformed, sorted
 */
public record RiskSignals(UUID interactionId, boolean interactionIdGenerated, @Nullable String customerIpAddress,
        @Nullable String customerUserAgent, @Nullable Instant authDate, @Nullable Integer authFailureCount,
        String clientIpAddress, Set<String> invalidHeaders) {

    /** The request attribute under which a {@code /v1} request carries its signals. */
    public static final String ATTRIBUTE = RiskSignals.class.getName();

    public RiskSignals {
        invalidHeaders = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(invalidHeaders));
    }

    /** The signals of a {@code /v1} request, once the risk headers were read. */
    public static Optional<RiskSignals> of(ServletRequest request) {
        return Optional.ofNullable((RiskSignals) request.getAttribute(ATTRIBUTE));
    }
}
