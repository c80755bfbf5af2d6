package jp.kakehashi.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/auditchains} on the management port (C1, C4, D5): each chain's last verification, for the bank's
 * monitoring, in exactly this shape: {@code {"chains":[{"name","status","checkedThrough","firstBroken"}]}}.
 */
@Component
@Endpoint(id = "auditchains")
class AuditChainsEndpoint {

    private final ChainVerification verification;

    AuditChainsEndpoint(ChainVerification verification) {
        this.verification = verification;
    }

    @ReadOperation
    Report chains() {
        return new Report(verification.statuses().stream()
                .map(s -> new Chain(s.name(), s.status().name(), s.checkedThrough(), s.firstBroken())).toList());
    }

    record Report(List<Chain> chains) {
    }

    record Chain(String name, String status, long checkedThrough, @Nullable Long firstBroken) {
    }
}
