package jp.kakehashi.admin.tpps;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakehashi.admin.ApprovedAction;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.Transition;
import org.springframework.context.MessageSource;

/**
 * One TPP lifecycle move as a maker-checker kind (A6, C4): an operator requests it with a reason, an approver other
 * than them approves, and only then {@link TppLifecycle} moves the TPP with both names and the reason. A request is
 * filed only for a move its TPP's status allows, and keeps that status: if the TPP has moved on by the time it is
 * approved (a resume filed to lift a restriction would otherwise lift a later fraud suspension), it is refused and
 * stays pending for rejection or withdrawal. A refusal of the lifecycle leaves the request pending with that reason.
 */
final class TppMoveAction implements ApprovedAction {

    static final String SCOPES = "scopes";
    /** The TPP's status when the request was filed; the move is for that situation only. */
    static final String FILED_AGAINST = "filedAgainst";
    /** Where the console keeps the messages of refused TPP moves. */
    private static final String REFUSAL_MESSAGES = "console.tpp.refusal.";

    /** Why a move is refused before the lifecycle is asked. */
    enum Stale {
        /** The TPP's status is no longer the one the request was filed against (A6 maker-checker). */
        STATUS_CHANGED
    }

    private final TppMove move;
    private final TppLifecycle lifecycle;
    private final Tpps tpps;
    private final MessageSource messages;

    TppMoveAction(TppMove move, TppLifecycle lifecycle, Tpps tpps, MessageSource messages) {
        this.move = move;
        this.lifecycle = lifecycle;
        this.tpps = tpps;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return move.kind();
    }

    @Override
    public Set<StaffRole> requesterRoles() {
        return EnumSet.of(StaffRole.OPERATOR);
    }

    @Override
    public Optional<String> check(String target, Map<String, String> payload) {
        Optional<Tpp> tpp = tpps.find(target);
        if (tpp.isEmpty()) {
            return Optional.of("console.tpp.refusal.UNKNOWN_TPP");
        }
        if (!TppMove.allowedFrom(tpp.get().status()).contains(move)) {
            return Optional.of("console.tpp.refusal.NOT_ALLOWED_FROM_STATUS");
        }
        if (move == TppMove.RESTRICT && (scopes(payload).isEmpty()
                || !tpp.get().usableScopes().containsAll(scopes(payload)))) {
            return Optional.of("console.tpp.refusal.SCOPES_INVALID");
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> filed(String target, Map<String, String> payload) {
        var stored = new java.util.HashMap<>(payload);
        stored.put(FILED_AGAINST, tpps.find(target).orElseThrow().status().name());
        return Map.copyOf(stored);
    }

    @Override
    public String describe(StaffRequest request, Locale locale) {
        String name = tpps.find(request.target()).map(tpp -> locale.getLanguage().equals("en") ? tpp.legalNameEn()
                : tpp.legalName()).orElse(request.target());
        return messages.getMessage("console.tpp.request." + move.path(),
                new Object[] {name, String.join(", ", scopes(request.payload()))}, locale);
    }

    @Override
    public Result execute(StaffRequest request, StaffMember approver) {
        // locked until the approval commits, so no other decision slips in between this check and the move
        Optional<String> now = tpps.findForUpdate(request.target()).map(tpp -> tpp.status().name());
        if (now.isPresent() && !now.get().equals(request.payload().get(FILED_AGAINST))) {
            // requests filed before this check carry no status: they are refused too, as nobody knows what they saw
            return new Refused(REFUSAL_MESSAGES, Stale.STATUS_CHANGED);
        }
        var decision = new StaffDecision(request.reason(), request.requestedBy(), approver.id());
        Transition transition = switch (move) {
            case RESTRICT -> lifecycle.restrict(request.target(), scopes(request.payload()), decision);
            case SUSPEND -> lifecycle.suspend(request.target(), decision);
            case RESUME -> lifecycle.resume(request.target(), decision);
            case REVOKE -> lifecycle.revoke(request.target(), decision);
        };
        return switch (transition) {
            case Transition.Moved moved -> new Done(moved.change().to().name());
            case Transition.Refused refused -> new Refused(REFUSAL_MESSAGES, refused.refusal());
        };
    }

    static Set<String> scopes(Map<String, String> payload) {
        String scopes = payload.getOrDefault(SCOPES, "");
        return Arrays.stream(scopes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
