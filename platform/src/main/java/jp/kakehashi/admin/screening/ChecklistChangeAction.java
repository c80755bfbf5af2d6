package jp.kakehashi.admin.screening;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.admin.ApprovedAction;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome;
import jp.kakehashi.tpp.screening.ChecklistChanges;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A change of a bank-specific checklist item (A2, configurable without code) by maker and checker: approving the
 * request applies the proposal; the item's new version counts for applications from then on. Rejecting or
 * withdrawing the request rejects or withdraws the proposal with it.
 */
@Component
class ChecklistChangeAction implements ApprovedAction {

    static final String KIND = "tpp.screening.checklist";

    private final ChecklistChanges changes;
    private final MessageSource messages;

    ChecklistChangeAction(ChecklistChanges changes, MessageSource messages) {
        this.changes = changes;
        this.messages = messages;
    }

    /** The request's target: one pending change per item. */
    static String target(String code) {
        return "checklist:" + code;
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
        return changeId(payload).isPresent() ? Optional.empty() : Optional.of("screening.checklist.error.NOT_PENDING");
    }

    @Override
    public String describe(StaffRequest request, Locale locale) {
        var change = changeId(request.payload()).flatMap(id -> changes.pending().stream()
                .filter(c -> c.id() == id).findFirst());
        String title = change.map(c -> c.text() == null || c.text().titleJa() == null ? c.code()
                : "en".equals(locale.getLanguage()) ? c.text().titleEn() : c.text().titleJa()).orElse("");
        String kind = change.map(c -> c.kind().name()).orElse("CHANGE");
        return messages.getMessage("screening.checklist.describe." + kind,
                new Object[] {request.target().substring("checklist:".length()), title}, kind, locale);
    }

    @Override
    public Result execute(StaffRequest request, StaffMember approver) {
        var outcome = changes.approve(changeId(request.payload()).orElseThrow(), approver.id());
        return outcome instanceof ChecklistChangeOutcome.Refused refused
                ? new Refused("screening.checklist.error.", refused.refusal())
                : new Done(outcome instanceof ChecklistChangeOutcome.Applied applied && applied.item() != null
                        ? applied.item().code() + " v" + applied.item().version() : "RETIRED");
    }

    /** Closes the proposal with the request, so the item is free for the next proposal at once. */
    @Override
    public void onClosed(StaffRequest request, StaffRequest.Status how, StaffMember by) {
        changeId(request.payload()).ifPresent(id -> {
            switch (how) {
                case REJECTED -> changes.reject(id, by.id());
                case WITHDRAWN -> changes.withdraw(id, by.id());
                default -> { }
            }
        });
    }

    private static Optional<Long> changeId(Map<String, String> payload) {
        try {
            return Optional.ofNullable(payload.get("change")).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
