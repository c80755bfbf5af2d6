package jp.kakehashi.admin.screening;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.admin.ApprovedAction;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.tpp.screening.Recommendation;
import jp.kakehashi.tpp.screening.Screening;
import jp.kakehashi.tpp.screening.ScreeningOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The approver's decision on a reviewer's recommendation (A1 maker-checker): approving the request decides the
 * screening as recommended, and the TPP's lifecycle moves with the recommendation's summary as its reason; rejecting
 * or withdrawing it returns or withdraws the recommendation.
 */
@Component
class ScreeningDecisionAction implements ApprovedAction {

    static final String KIND = "tpp.screening.decision";

    private final Screening screening;
    private final MessageSource messages;

    ScreeningDecisionAction(Screening screening, MessageSource messages) {
        this.screening = screening;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<StaffRole> requesterRoles() {
        return Set.of(StaffRole.REVIEWER);
    }

    @Override
    public Optional<String> check(String target, Map<String, String> payload) {
        return screening.file(target).flatMap(file -> file.pending()).isPresent() ? Optional.empty()
                : Optional.of("screening.error.NO_RECOMMENDATION");
    }

    @Override
    public String describe(StaffRequest request, Locale locale) {
        var file = screening.file(request.target());
        Optional<Recommendation> pending = file.flatMap(found -> found.pending());
        String name = file.map(found -> "en".equals(locale.getLanguage())
                ? found.tpp().legalNameEn() : found.tpp().legalName()).orElse(request.target());
        String outcome = pending.map(r -> r.outcome().name()).orElse(request.payload().getOrDefault("outcome", ""));
        String scopes = pending.map(r -> String.join(", ", r.scopes().stream().sorted().toList())).orElse("");
        return messages.getMessage("screening.decision.describe." + outcome, new Object[] {name, scopes},
                "screening " + outcome + " " + name, locale);
    }

    /**
     * Closes the recommendation with the request, so the reviewer sees at once that it was returned (with the
     * approver's note) or withdrawn, and may recommend again. A refusal means there is no pending recommendation left
     * to close (closed before this hook existed); the queue's decision stands.
     */
    @Override
    public void onClosed(StaffRequest request, StaffRequest.Status how, StaffMember by) {
        switch (how) {
            case REJECTED -> screening.returnToReviewer(request.target(), by.id(), request.decisionNote());
            case WITHDRAWN -> screening.withdraw(request.target(), by.id());
            default -> { }
        }
    }

    @Override
    public Result execute(StaffRequest request, StaffMember approver) {
        ScreeningOutcome outcome = screening.decide(request.target(), approver.id());
        return switch (outcome) {
            case ScreeningOutcome.Done done -> new Done(request.payload().getOrDefault("outcome", "DECIDED"));
            case ScreeningOutcome.Refused refused -> new Refused("screening.error.", refused.refusal());
            case ScreeningOutcome.LifecycleRefused refused -> new Refused("screening.error.", refused.refusal());
        };
    }
}
