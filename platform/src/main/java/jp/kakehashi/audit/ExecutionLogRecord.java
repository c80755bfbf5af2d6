package jp.kakehashi.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.kakehashi.risk.RiskSignals;
import org.jspecify.annotations.Nullable;

/**
 * One record of the API execution log (API実行ログ, C1): who called which operation for which customer, with what
 * result, when. Never a token, a DPoP proof, an Authorization header or any other secret.
 *
 * @param id             the record's id, null before it is appended
 * @param recordedAt     when the call arrived, to the microsecond (what PostgreSQL keeps)
 * @param customerId     the customer whose authorisation the call used, null without one (e.g. a 401)
 * @param tppId          the calling TPP, null when unauthenticated
 * @param clientId       the TPP's OAuth client, null when unauthenticated
 * @param grantId        the grant the access token belongs to, null when unauthenticated
 * @param operation      HTTP method and route pattern, or the path where no route matched
 * @param resourceId     the addressed resource (e.g. the account id of the route), null if none
 * @param httpStatus     the HTTP status of the answer
 * @param errorCode      the answer's error code, null on success
 * @param durationMicros how long the bank took to answer
 * @param signals        the TPP's risk headers and the client's address
 * @param link           the record's place in the hash chain, null until the chainer gave it one
 * @param chainedPartyId the chained party (API連鎖接続先, F2) the TPP made the call for, null for its own calls
 */
public record ExecutionLogRecord(@Nullable Long id, Instant recordedAt, @Nullable String customerId,
        @Nullable String tppId, @Nullable String clientId, @Nullable String grantId, String operation,
        @Nullable String resourceId, int httpStatus, @Nullable String errorCode, long durationMicros,
        RiskSignals signals, @Nullable ChainLink link, @Nullable String chainedPartyId) {

    public ExecutionLogRecord {
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A call the TPP made on its own account, not for a chained party. */
    public ExecutionLogRecord(@Nullable Long id, Instant recordedAt, @Nullable String customerId,
            @Nullable String tppId, @Nullable String clientId, @Nullable String grantId, String operation,
            @Nullable String resourceId, int httpStatus, @Nullable String errorCode, long durationMicros,
            RiskSignals signals, @Nullable ChainLink link) {
        this(id, recordedAt, customerId, tppId, clientId, grantId, operation, resourceId, httpStatus, errorCode,
                durationMicros, signals, link, null);
    }

    /**
     * A record's place in the chain.
     *
     * @param sequenceNumber its position, from 1 without gaps
     * @param previousHash   the hash of the record before it (64 zeros for the first)
     * @param recordHash     SHA-256 over its canonical encoding, which includes the two values above
     */
    public record ChainLink(long sequenceNumber, String previousHash, String recordHash) {
    }
}
