package jp.kakehashi.tpp.screening;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppApplication;

/**
 * Everything a reviewer and an approver look at for one application: the TPP, what it applied with, the item
 * versions it answered with its answers, the findings so far, references and recommendations (newest first).
 */
public record ScreeningFile(Tpp tpp, TppApplication application, List<ChecklistItem> items,
        Map<Long, Answer> answers, Map<Long, Finding> findings, List<Reference> references,
        List<Recommendation> recommendations) {

    public ScreeningFile {
        items = List.copyOf(items);
        answers = Map.copyOf(answers);
        findings = Map.copyOf(findings);
        references = List.copyOf(references);
        recommendations = List.copyOf(recommendations);
    }

    /** Mandatory items without a finding yet. */
    public List<ChecklistItem> mandatoryWithoutFinding() {
        return items.stream().filter(item -> item.mandatory() && !findings.containsKey(item.id())).toList();
    }

    public Optional<Recommendation> pending() {
        return recommendations.stream().filter(r -> r.state() == Recommendation.State.PENDING).findFirst();
    }
}
