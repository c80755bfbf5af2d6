package jp.kakehashi.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kakehashi.admin.Approval.Refusal;
import jp.kakehashi.audit.StaffActions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maker-checker queue (C4, A6): files requests of the registered {@link ApprovedAction} kinds and decides them.
 * Approval is a conditional update of a PENDING row by an APPROVER who is not the requester, in one transaction with
 * the action's execution: of two approvers clicking at once, one updates the row and executes, the other finds it
 * decided. Rejection and withdrawal call {@link ApprovedAction#onClosed} in their transaction. Every filing and
 * decision is in the staff action log as {@code <kind>.requested|approved|rejected|…}.
 */
@Service
public class StaffRequests {

    private static final JsonMapper JSON = new JsonMapper();
    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StaffActions log;
    private final Clock clock;
    private final StaffAccounts staff;
    private final Map<String, ApprovedAction> actions;

    StaffRequests(JdbcClient jdbc, TransactionTemplate transactions, StaffActions log, Clock clock,
            StaffAccounts staff, List<ApprovedAction> actions) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.transactions = transactions;
        this.log = log;
        this.clock = clock;
        this.actions = actions.stream().collect(Collectors.toMap(ApprovedAction::kind, Function.identity()));
    }

    public Requested request(StaffMember requester, String kind, String target, Map<String, String> payload,
            String reason) {
        ApprovedAction action = actions.get(kind);
        if (action == null) {
            return new Requested.Refused(Requested.Refusal.UNKNOWN_KIND, null);
        }
        if (!now(requester).hasAny(action.requesterRoles())) {
            return refusedRequest(requester, kind, target, Requested.Refusal.NOT_PERMITTED, null);
        }
        if (reason == null || reason.isBlank()) {
            return new Requested.Refused(Requested.Refusal.REASON_MISSING, null);
        }
        Optional<String> problem = action.check(target, payload);
        if (problem.isPresent()) {
            return new Requested.Refused(Requested.Refusal.INVALID, problem.get());
        }
        Map<String, String> stored = action.filed(target, payload);
        String id = "req-" + UUID.randomUUID();
        try {
            return transactions.execute(status -> {
                jdbc.sql("""
                        insert into staff_request (id, kind, target, payload, reason, requested_by, requested_at, status)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?, 'PENDING')""")
                        .params(id, kind, target, JSON.writeValueAsString(stored), reason.strip(), requester.id(),
                                Timestamp.from(clock.instant())).update();
                log.record(requester.id(), kind + ".requested", target, "pending",
                        Map.of("request", id, "reason", reason.strip(), "payload", stored));
                return new Requested.Filed(find(id).orElseThrow());
            });
        }
        catch (DuplicateKeyException alreadyPending) {
            return refusedRequest(requester, kind, target, Requested.Refusal.ALREADY_PENDING, null);
        }
    }

    /** Approves and executes, once; see the class documentation. */
    public Approval approve(StaffMember approver, String requestId) {
        if (!now(approver).has(StaffRole.APPROVER)) {
            return refused(approver, requestId, "approve", Refusal.NOT_AN_APPROVER, null);
        }
        Approval approval = transactions.execute(status -> {
            Optional<StaffRequest> taken = decide(requestId, approver, StaffRequest.Status.APPROVED, null, true);
            if (taken.isEmpty()) {
                return whyNot(requestId, approver, true);
            }
            StaffRequest request = taken.get();
            ApprovedAction action = actions.get(request.kind());
            if (action == null) {
                // filed under a kind no longer registered: nothing can execute it, so it stays pending
                status.setRollbackOnly();
                return new Approval.Refused(Refusal.ACTION_REFUSED, "console.request.refusal.UNKNOWN_KIND");
            }
            ApprovedAction.Result result = action.execute(request, approver);
            if (result instanceof ApprovedAction.Refused refused) {
                status.setRollbackOnly();
                return new Approval.Refused(Refusal.ACTION_REFUSED, refused.messageKey());
            }
            String outcome = ((ApprovedAction.Done) result).outcome();
            jdbc.sql("update staff_request set outcome = ? where id = ?").params(outcome, requestId).update();
            log.record(approver.id(), request.kind() + ".approved", request.target(), "success",
                    Map.of("request", requestId, "requestedBy", request.requestedBy(), "outcome", outcome));
            return new Approval.Decided(find(requestId).orElseThrow());
        });
        return approval instanceof Approval.Refused(Refusal refusal, String detail)
                ? refused(approver, requestId, "approve", refusal, detail) : approval;
    }

    /** Rejects with a note; by an approver other than the requester. */
    public Approval reject(StaffMember approver, String requestId, String note) {
        if (!now(approver).has(StaffRole.APPROVER)) {
            return refused(approver, requestId, "reject", Refusal.NOT_AN_APPROVER, null);
        }
        if (note == null || note.isBlank()) {
            return new Approval.Refused(Refusal.NOTE_MISSING, null);
        }
        return transactions.execute(status -> {
            Optional<StaffRequest> decided = decide(requestId, approver, StaffRequest.Status.REJECTED, note.strip(),
                    true);
            if (decided.isEmpty()) {
                return whyNot(requestId, approver, true);
            }
            closed(decided.get(), approver);
            log.record(approver.id(), decided.get().kind() + ".rejected", decided.get().target(), "success",
                    Map.of("request", requestId, "note", note.strip()));
            return new Approval.Decided(decided.get());
        });
    }

    /** The requester takes back a pending request. */
    public Approval withdraw(StaffMember requester, String requestId) {
        return transactions.execute(status -> {
            Optional<StaffRequest> decided = decide(requestId, requester, StaffRequest.Status.WITHDRAWN, null, false);
            if (decided.isEmpty()) {
                return whyNot(requestId, requester, false);
            }
            closed(decided.get(), requester);
            log.record(requester.id(), decided.get().kind() + ".withdrawn", decided.get().target(), "success",
                    Map.of("request", requestId));
            return new Approval.Decided(decided.get());
        });
    }

    public Optional<StaffRequest> find(String requestId) {
        return jdbc.sql("select * from staff_request where id = ?").param(requestId).query(StaffRequests::request)
                .optional();
    }

    /** Pending requests, oldest first. */
    public List<StaffRequest> pending() {
        return jdbc.sql("select * from staff_request where status = 'PENDING' order by requested_at")
                .query(StaffRequests::request).list();
    }

    /** Every request about a target, newest first. */
    public List<StaffRequest> about(String target) {
        return jdbc.sql("select * from staff_request where target = ? order by requested_at desc").param(target)
                .query(StaffRequests::request).list();
    }

    /** What a request would do, from its kind, for screens listing it. */
    public String describe(StaffRequest request, java.util.Locale locale) {
        ApprovedAction action = actions.get(request.kind());
        return action == null ? request.kind() : action.describe(request, locale);
    }

    /**
     * The roles the member holds now: a session keeps the ones of its sign-in, and a deactivated account holds none.
     */
    private StaffMember now(StaffMember member) {
        return staff.findActive(member.id()).orElseGet(() -> new StaffMember(member.id(), member.login(),
                member.displayName(), java.util.Set.of()));
    }

    private Optional<StaffRequest> decide(String requestId, StaffMember staff, StaffRequest.Status to, String note,
            boolean byOtherThanRequester) {
        String who = byOtherThanRequester ? "requested_by <> ?" : "requested_by = ?";
        int updated = jdbc.sql("update staff_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                + " where id = ? and status = 'PENDING' and " + who)
                .params(to.name(), staff.id(), Timestamp.from(clock.instant()), note, requestId, staff.id()).update();
        return updated == 1 ? find(requestId) : Optional.empty();
    }

    /** Lets the kind close its own record in this transaction; a kind no longer registered has nothing to close. */
    private void closed(StaffRequest request, StaffMember by) {
        ApprovedAction action = actions.get(request.kind());
        if (action != null) {
            action.onClosed(request, request.status(), by);
        }
    }

    private Approval whyNot(String requestId, StaffMember staff, boolean byOtherThanRequester) {
        Optional<StaffRequest> request = find(requestId);
        if (request.isEmpty()) {
            return new Approval.Refused(Refusal.UNKNOWN_REQUEST, null);
        }
        if (request.get().status() != StaffRequest.Status.PENDING) {
            return new Approval.Refused(Refusal.ALREADY_DECIDED, null);
        }
        return new Approval.Refused(byOtherThanRequester ? Refusal.OWN_REQUEST : Refusal.NOT_THE_REQUESTER, null);
    }

    private Approval refused(StaffMember staff, String requestId, String verb, Refusal refusal, String detail) {
        String kind = find(requestId).map(StaffRequest::kind).orElse("request");
        log.record(staff.id(), kind + "." + verb, requestId, "refused",
                detail == null ? Map.of("refusal", refusal.name()) : Map.of("refusal", refusal.name(), "detail", detail));
        return new Approval.Refused(refusal, detail);
    }

    private Requested refusedRequest(StaffMember staff, String kind, String target, Requested.Refusal refusal,
            String detail) {
        log.record(staff.id(), kind + ".requested", target, "refused", Map.of("refusal", refusal.name()));
        return new Requested.Refused(refusal, detail);
    }

    private static StaffRequest request(ResultSet rs, int row) throws SQLException {
        return new StaffRequest(rs.getString("id"), rs.getString("kind"), rs.getString("target"),
                JSON.readValue(rs.getString("payload"), PAYLOAD), rs.getString("reason"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), StaffRequest.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
                rs.getString("outcome"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
