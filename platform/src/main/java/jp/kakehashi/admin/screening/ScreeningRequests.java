package jp.kakehashi.admin.screening;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.admin.Requested;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.tpp.screening.ChecklistChange;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome;
import jp.kakehashi.tpp.screening.ChecklistChanges;
import jp.kakehashi.tpp.screening.ItemText;
import jp.kakehashi.tpp.screening.Recommendation;
import jp.kakehashi.tpp.screening.Screening;
import jp.kakehashi.tpp.screening.ScreeningOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files what the screening's domain records for a second person in the console's maker-checker queue, in one
 * transaction with it: a recommendation (decided in the queue by {@link ScreeningDecisionAction}) and a checklist
 * change ({@link ChecklistChangeAction}). A request the queue rejected or its maker withdrew closes the domain's
 * record at once (the actions' {@code onClosed}); one closed in the queue before that hook existed left its record
 * waiting, and such a record is closed the same way before the next one is filed.
 */
@Service
class ScreeningRequests {

    private final Screening screening;
    private final ChecklistChanges changes;
    private final StaffRequests requests;
    private final TransactionTemplate transactions;

    ScreeningRequests(Screening screening, ChecklistChanges changes, StaffRequests requests,
            TransactionTemplate transactions) {
        this.screening = screening;
        this.changes = changes;
        this.requests = requests;
        this.transactions = transactions;
    }

    /** Empty when filed; else the message key of the problem (nothing was recorded). */
    Optional<String> recommend(StaffMember reviewer, String tppId, Recommendation.Outcome outcome,
            Set<String> scopes, String summary) {
        return transactions.execute(status -> {
            closeUndecidedRecommendation(tppId);
            ScreeningOutcome recorded = screening.recommend(tppId, outcome, scopes, summary, reviewer.id());
            if (recorded instanceof ScreeningOutcome.Refused refused) {
                return Optional.of("screening.error." + refused.refusal().name());
            }
            Requested filed = requests.request(reviewer, ScreeningDecisionAction.KIND, tppId,
                    Map.of("outcome", outcome.name()), summary);
            return refusedFiling(filed, status);
        });
    }

    /** Empty when filed; else the message key of the problem (nothing was recorded). */
    Optional<String> proposeChange(StaffMember reviewer, ChecklistChange.Kind kind, String code, Boolean mandatory,
            ItemText text, String reason) {
        return transactions.execute(status -> {
            closeUndecidedChange(code);
            var proposed = changes.propose(kind, code, mandatory, text, reason, reviewer.id());
            if (proposed instanceof ChecklistChangeOutcome.Refused refused) {
                return Optional.of("screening.checklist.error." + refused.refusal().name());
            }
            long id = ((ChecklistChangeOutcome.Proposed) proposed).changeId();
            Requested filed = requests.request(reviewer, ChecklistChangeAction.KIND,
                    ChecklistChangeAction.target(code.strip()), Map.of("change", String.valueOf(id)), reason);
            return refusedFiling(filed, status);
        });
    }

    private static Optional<String> refusedFiling(Requested filed,
            org.springframework.transaction.TransactionStatus status) {
        if (filed instanceof Requested.Refused refused) {
            status.setRollbackOnly();
            return Optional.of(refused.detail() != null ? refused.detail()
                    : "screening.request.refused." + refused.refusal().name());
        }
        return Optional.empty();
    }

    private void closeUndecidedRecommendation(String tppId) {
        if (screening.file(tppId).flatMap(file -> file.pending()).isEmpty()) {
            return;
        }
        latest(tppId, ScreeningDecisionAction.KIND).ifPresent(request -> {
            switch (request.status()) {
                case REJECTED -> screening.returnToReviewer(tppId, request.decidedBy(), request.decisionNote());
                case WITHDRAWN -> screening.withdraw(tppId, request.requestedBy());
                default -> { }
            }
        });
    }

    private void closeUndecidedChange(String code) {
        Optional<ChecklistChange> pending = changes.pendingFor(code);
        if (pending.isEmpty()) {
            return;
        }
        latest(ChecklistChangeAction.target(code.strip()), ChecklistChangeAction.KIND).ifPresent(request -> {
            switch (request.status()) {
                case REJECTED -> changes.reject(pending.get().id(), request.decidedBy());
                case WITHDRAWN -> changes.withdraw(pending.get().id(), request.requestedBy());
                default -> { }
            }
        });
    }

    private Optional<StaffRequest> latest(String target, String kind) {
        return requests.about(target).stream().filter(request -> request.kind().equals(kind)).findFirst();
    }
}
