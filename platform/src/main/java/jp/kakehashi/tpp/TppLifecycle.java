package jp.kakehashi.tpp;

import static jp.kakehashi.tpp.TppStatus.ACTIVE;
import static jp.kakehashi.tpp.TppStatus.APPLIED;
import static jp.kakehashi.tpp.TppStatus.APPROVED;
import static jp.kakehashi.tpp.TppStatus.REJECTED;
import static jp.kakehashi.tpp.TppStatus.RESTRICTED;
import static jp.kakehashi.tpp.TppStatus.REVOKED;
import static jp.kakehashi.tpp.TppStatus.SCREENING;
import static jp.kakehashi.tpp.TppStatus.SUSPENDED;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.tpp.Transition.Moved;
import jp.kakehashi.tpp.Transition.Refusal;
import jp.kakehashi.tpp.Transition.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TPP's lifecycle (A1, A6, C5): application, screening decision, activation, restriction, suspension,
 * resumption and revocation. Every move is a conditional update from the statuses it allows, so two staff members
 * acting at once end one way only; it is recorded with its reason and people in {@code tpp_status_change} and
 * published as {@link TppStatusChanged} in the same transaction. Decisions the principles do not let one person take
 * (approval of a screening, restrict, suspend, resume, revoke) need a {@link StaffDecision} by two people.
 */
@Service
public class TppLifecycle {

    private final JdbcClient jdbc;
    private final Tpps tpps;
    private final TppApplications applications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TppLifecycle(JdbcClient jdbc, Tpps tpps, TppApplications applications, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tpps = tpps;
        this.applications = applications;
        this.events = events;
        this.clock = clock;
    }

    /** Records an application from the portal; the TPP exists from now on, {@link TppStatus#APPLIED}. */
    @Transactional
    public String apply(TppApplication application) {
        String tppId = "tpp-" + UUID.randomUUID().toString().substring(0, 13);
        tpps.register(new Tpp(tppId, application.legalName(),
                orElse(application.legalNameEn(), application.legalName()), application.serviceName(), orElse(application.serviceNameEn(), application.serviceName()),
                application.representative(), application.address(), application.contactPhone(),
                application.contactEmail(), application.inquiryUrl(), application.registrationNumber(), APPLIED,
                Set.of()));
        applications.store(tppId, application, clock.instant());
        record(tppId, null, APPLIED, "申込み受付 (application submitted)", "tpp:" + application.applicantEmail(), null,
                Set.of());
        return tppId;
    }

    /** A reviewer takes the application up (審査開始). */
    @Transactional
    public Transition startScreening(String tppId, String reviewerId) {
        return move(tppId, EnumSet.of(APPLIED), SCREENING, "審査開始 (screening started)", reviewerId, null, Set.of());
    }

    /** The screening is approved for the given scopes (a subset of those requested) by maker and checker. */
    @Transactional
    public Transition approve(String tppId, Set<String> scopes, StaffDecision decision) {
        Optional<Refusal> invalid = check(decision);
        if (invalid.isPresent()) {
            return new Refused(invalid.get());
        }
        Optional<TppApplication> application = applications.find(tppId);
        if (application.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_TPP);
        }
        if (scopes.isEmpty() || !application.get().requestedScopes().containsAll(scopes)) {
            return new Refused(Refusal.SCOPES_INVALID);
        }
        Transition moved = move(tppId, EnumSet.of(SCREENING), APPROVED, decision.reason(), decision.requestedBy(),
                decision.approvedBy(), scopes);
        if (moved.moved()) {
            jdbc.sql("update tpp set approved_scopes = ? where id = ?")
                    .params(scopes.stream().sorted().toArray(String[]::new), tppId).update();
        }
        return moved;
    }

    /** The screening ends with a refusal, decided by maker and checker. */
    @Transactional
    public Transition reject(String tppId, StaffDecision decision) {
        return decided(tppId, EnumSet.of(APPLIED, SCREENING), REJECTED, decision, Set.of());
    }

    /**
     * Connects an approved TPP: its client from the application is registered and it can be granted its scopes. One
     * operator suffices; the decision to admit it was taken by two at approval.
     */
    @Transactional
    public Transition activate(String tppId, String operatorId) {
        Transition moved = move(tppId, EnumSet.of(APPROVED), ACTIVE, "承認後の接続開始 (connected after approval)",
                operatorId, null, Set.of());
        if (moved.moved()) {
            applications.find(tppId).ifPresent(application -> tpps.registerClient(client(tppId, application)));
        }
        return moved;
    }

    /** Takes approved scopes away (A6 制限); the TPP keeps the rest. */
    @Transactional
    public Transition restrict(String tppId, Set<String> scopes, StaffDecision decision) {
        // locked before it is read: two restrictions approved at once must not lose each other's scopes
        Optional<Tpp> tpp = tpps.findForUpdate(tppId);
        if (tpp.isPresent() && (scopes.isEmpty() || !tpp.get().approvedScopes().containsAll(scopes))) {
            return new Refused(Refusal.SCOPES_INVALID);
        }
        Transition moved = decided(tppId, EnumSet.of(ACTIVE, RESTRICTED), RESTRICTED, decision, scopes);
        if (moved.moved()) {
            Set<String> restricted = new HashSet<>(tpp.orElseThrow().restrictedScopes());
            restricted.addAll(scopes);
            jdbc.sql("update tpp set restricted_scopes = ? where id = ?")
                    .params(restricted.stream().sorted().toArray(String[]::new), tppId).update();
        }
        return moved;
    }

    /** Cuts the TPP off for now (A6 停止, C5): its tokens fail at once; grants and data stay. */
    @Transactional
    public Transition suspend(String tppId, StaffDecision decision) {
        return decided(tppId, EnumSet.of(ACTIVE, RESTRICTED), SUSPENDED, decision, Set.of());
    }

    /** The TPP stops its own service from the portal (C5): effective at once, no approval needed to stop. */
    @Transactional
    public Transition stopByTpp(String tppId, String reason, String portalUser) {
        if (reason == null || reason.isBlank()) {
            return new Refused(Refusal.REASON_MISSING);
        }
        return move(tppId, EnumSet.of(ACTIVE, RESTRICTED), SUSPENDED, reason, "tpp:" + portalUser, null, Set.of());
    }

    /**
     * Reconnects: a suspended TPP comes back as it was before (restricted if scopes remain taken away); a restricted
     * one gets all its approved scopes back.
     */
    @Transactional
    public Transition resume(String tppId, StaffDecision decision) {
        Optional<Tpp> tpp = tpps.findForUpdate(tppId);
        if (tpp.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_TPP);
        }
        boolean liftRestriction = tpp.get().status() == RESTRICTED;
        TppStatus to = !liftRestriction && !tpp.get().restrictedScopes().isEmpty() ? RESTRICTED : ACTIVE;
        Transition moved = decided(tppId, EnumSet.of(SUSPENDED, RESTRICTED), to, decision,
                liftRestriction ? tpp.get().restrictedScopes() : Set.of());
        if (moved.moved() && liftRestriction) {
            jdbc.sql("update tpp set restricted_scopes = '{}' where id = ?").param(tppId).update();
        }
        return moved;
    }

    /** Ends the connection for good (A6 解除): every grant of the TPP is revoked; its data is kept. */
    @Transactional
    public Transition revoke(String tppId, StaffDecision decision) {
        return decided(tppId, EnumSet.of(APPROVED, ACTIVE, RESTRICTED, SUSPENDED), REVOKED, decision, Set.of());
    }

    /** The TPP's status history, oldest first. */
    public List<TppStatusChange> history(String tppId) {
        return jdbc.sql("select * from tpp_status_change where tpp_id = ? order by id").param(tppId)
                .query((rs, row) -> new TppStatusChange(rs.getString("from_status") == null ? null
                        : TppStatus.valueOf(rs.getString("from_status")), TppStatus.valueOf(rs.getString("to_status")),
                        rs.getString("reason"), rs.getString("requested_by"), rs.getString("approved_by"),
                        Set.copyOf(Tpps.strings(rs.getArray("scopes"))), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private Transition decided(String tppId, Set<TppStatus> from, TppStatus to, StaffDecision decision,
            Set<String> scopes) {
        Optional<Refusal> invalid = check(decision);
        if (invalid.isPresent()) {
            return new Refused(invalid.get());
        }
        return move(tppId, from, to, decision.reason(), decision.requestedBy(), decision.approvedBy(), scopes);
    }

    private static Optional<Refusal> check(StaffDecision decision) {
        if (!decision.hasReason()) {
            return Optional.of(Refusal.REASON_MISSING);
        }
        return decision.byTwoPeople() ? Optional.empty() : Optional.of(Refusal.SAME_PERSON);
    }

    private Transition move(String tppId, Set<TppStatus> from, TppStatus to, String reason, String requestedBy,
            String approvedBy, Set<String> scopes) {
        Optional<TppStatus> before = jdbc.sql("select status from tpp where id = ? for update").param(tppId)
                .query((rs, row) -> TppStatus.valueOf(rs.getString(1))).optional();
        if (before.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_TPP);
        }
        if (!from.contains(before.get())) {
            return new Refused(Refusal.NOT_ALLOWED_FROM_STATUS);
        }
        Instant now = clock.instant();
        jdbc.sql("update tpp set status = ?, status_reason = ?, status_changed_at = ? where id = ?")
                .params(to.name(), reason, Timestamp.from(now), tppId).update();
        return new Moved(record(tppId, before.get(), to, reason, requestedBy, approvedBy, scopes));
    }

    private TppStatusChanged record(String tppId, TppStatus from, TppStatus to, String reason, String requestedBy,
            String approvedBy, Set<String> scopes) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into tpp_status_change (tpp_id, from_status, to_status, reason, requested_by, approved_by,
                                               scopes, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(tppId, from == null ? null : from.name(), to.name(), reason, requestedBy, approvedBy,
                scopes.stream().sorted().toArray(String[]::new), Timestamp.from(now)).update();
        TppStatusChanged change = new TppStatusChanged(new TppId(tppId), from, to, reason, requestedBy, approvedBy, scopes, now);
        events.publishEvent(change);
        return change;
    }

    private static TppClient client(String tppId, TppApplication application) {
        boolean mtls = application.certificateSubjectDn() != null && application.jwks() == null;
        return new TppClient(tppId + "-1", tppId, application.serviceName(), application.redirectUris(),
                application.jwks(), null,
                mtls ? TppClient.AuthMethod.TLS_CLIENT_AUTH : TppClient.AuthMethod.PRIVATE_KEY_JWT,
                application.certificateSubjectDn(),
                mtls ? TppClient.SenderConstraint.MTLS : TppClient.SenderConstraint.DPOP);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
