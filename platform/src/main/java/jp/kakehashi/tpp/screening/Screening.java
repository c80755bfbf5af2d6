package jp.kakehashi.tpp.screening;

import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.MANDATORY_FINDINGS_MISSING;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.NOT_IN_SCREENING;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.NO_RECOMMENDATION;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.RECOMMENDATION_PENDING;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.SAME_PERSON;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.SCOPES_INVALID;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.TEXT_MISSING;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.UNKNOWN_ITEM;
import static jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal.UNKNOWN_TPP;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kakehashi.tpp.StaffDecision;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppApplications;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.Transition;
import jp.kakehashi.tpp.screening.Recommendation.Outcome;
import jp.kakehashi.tpp.screening.ScreeningOutcome.Done;
import jp.kakehashi.tpp.screening.ScreeningOutcome.LifecycleRefused;
import jp.kakehashi.tpp.screening.ScreeningOutcome.Refused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening of an application (審査, A1, A3): the applicant's answers come in with the application; a reviewer
 * starts the screening, records a finding per item and references, and recommends; an approver, never the reviewer,
 * decides, and the TPP's lifecycle moves with the recommendation's summary as the recorded reason.
 */
@Service
public class Screening {

    private final TppLifecycle lifecycle;
    private final Tpps tpps;
    private final TppApplications applications;
    private final Checklist checklist;
    private final ScreeningRecords records;
    private final Clock clock;

    Screening(TppLifecycle lifecycle, Tpps tpps, TppApplications applications, Checklist checklist,
            ScreeningRecords records, Clock clock) {
        this.lifecycle = lifecycle;
        this.tpps = tpps;
        this.applications = applications;
        this.checklist = checklist;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Records an application with its answers in one transaction; the caller has checked that every mandatory item
     * it showed is answered with evidence. Answers name the item versions the applicant saw.
     */
    @Transactional
    public String submit(TppApplication application, List<Answer> answers) {
        String tppId = lifecycle.apply(application);
        answers.forEach(answer -> records.storeAnswer(tppId, answer));
        return tppId;
    }

    /** A reviewer takes the application up. */
    @Transactional
    public ScreeningOutcome start(String tppId, String reviewer) {
        return outcome(lifecycle.startScreening(tppId, reviewer));
    }

    @Transactional
    public ScreeningOutcome recordFinding(String tppId, long itemId, Assessment assessment, String note,
            String reviewer) {
        Optional<ScreeningOutcome.Refusal> refusal = notInScreening(tppId);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (checklist.ofApplication(tppId).stream().noneMatch(item -> item.id() == itemId)) {
            return new Refused(UNKNOWN_ITEM);
        }
        if (assessment == null || blank(note)) {
            return new Refused(TEXT_MISSING);
        }
        records.storeFinding(tppId, new Finding(itemId, assessment, note.strip(), reviewer, clock.instant()));
        return new Done();
    }

    @Transactional
    public ScreeningOutcome recordReference(String tppId, Reference reference) {
        Optional<ScreeningOutcome.Refusal> refusal = notInScreening(tppId);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (reference.kind() == null || blank(reference.name()) || blank(reference.issuer())) {
            return new Refused(TEXT_MISSING);
        }
        records.storeReference(tppId, new Reference(0, reference.kind(), reference.name().strip(),
                reference.issuer().strip(), reference.number(), reference.validUntil(), reference.recordedBy(),
                clock.instant()));
        return new Done();
    }

    /** Refused while a mandatory item lacks a finding: the recommendation rests on a judgement of each. */
    @Transactional
    public ScreeningOutcome recommend(String tppId, Outcome outcome, Set<String> scopes, String summary,
            String reviewer) {
        Optional<ScreeningOutcome.Refusal> refusal = notInScreening(tppId);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (records.lockPending(tppId).isPresent()) {
            return new Refused(RECOMMENDATION_PENDING);
        }
        if (!file(tppId).orElseThrow().mandatoryWithoutFinding().isEmpty()) {
            return new Refused(MANDATORY_FINDINGS_MISSING);
        }
        if (outcome == null || blank(summary)) {
            return new Refused(TEXT_MISSING);
        }
        Set<String> approved = outcome == Outcome.APPROVE ? Set.copyOf(scopes) : Set.of();
        if (outcome == Outcome.APPROVE && (approved.isEmpty()
                || !applications.find(tppId).orElseThrow().requestedScopes().containsAll(approved))) {
            return new Refused(SCOPES_INVALID);
        }
        records.storeRecommendation(new Recommendation(0, tppId, outcome, approved, summary.strip(), reviewer,
                clock.instant(), Recommendation.State.PENDING, null, null, null));
        return new Done();
    }

    /** The approver follows the recommendation: the TPP is approved for its scopes, or rejected. */
    @Transactional
    public ScreeningOutcome decide(String tppId, String approver) {
        Optional<Recommendation> pending = records.lockPending(tppId);
        if (pending.isEmpty()) {
            return new Refused(NO_RECOMMENDATION);
        }
        Recommendation r = pending.get();
        if (r.reviewer().equals(approver)) {
            return new Refused(SAME_PERSON);
        }
        var decision = new StaffDecision(r.summary(), r.reviewer(), approver);
        Transition moved = r.outcome() == Outcome.APPROVE ? lifecycle.approve(tppId, r.scopes(), decision)
                : lifecycle.reject(tppId, decision);
        if (moved.moved()) {
            records.close(r.id(), Recommendation.State.DECIDED, approver, null, clock.instant());
        }
        return outcome(moved);
    }

    /** The approver does not follow it and sends it back with a note; the reviewer may recommend again. */
    @Transactional
    public ScreeningOutcome returnToReviewer(String tppId, String approver, String note) {
        Optional<Recommendation> pending = records.lockPending(tppId);
        if (pending.isEmpty()) {
            return new Refused(NO_RECOMMENDATION);
        }
        if (pending.get().reviewer().equals(approver)) {
            return new Refused(SAME_PERSON);
        }
        if (blank(note)) {
            return new Refused(TEXT_MISSING);
        }
        records.close(pending.get().id(), Recommendation.State.RETURNED, approver, note.strip(), clock.instant());
        return new Done();
    }

    /** The reviewer takes back a recommendation nobody decided yet. */
    @Transactional
    public ScreeningOutcome withdraw(String tppId, String reviewer) {
        Optional<Recommendation> pending = records.lockPending(tppId);
        if (pending.isEmpty() || !pending.get().reviewer().equals(reviewer)) {
            return new Refused(NO_RECOMMENDATION);
        }
        records.close(pending.get().id(), Recommendation.State.WITHDRAWN, reviewer, null, clock.instant());
        return new Done();
    }

    public Optional<ScreeningFile> file(String tppId) {
        Optional<Tpp> tpp = tpps.find(tppId);
        Optional<TppApplication> application = applications.find(tppId);
        if (tpp.isEmpty() || application.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScreeningFile(tpp.get(), application.get(), checklist.ofApplication(tppId),
                records.answers(tppId).stream().collect(Collectors.toMap(Answer::itemId, Function.identity())),
                records.findings(tppId).stream().collect(Collectors.toMap(Finding::itemId, Function.identity())),
                records.references(tppId), records.recommendations(tppId)));
    }

    /** TPPs whose recommendation waits for an approver, oldest first. */
    public List<String> awaitingDecision() {
        return records.awaitingDecision();
    }

    private Optional<ScreeningOutcome.Refusal> notInScreening(String tppId) {
        Optional<Tpp> tpp = tpps.find(tppId);
        if (tpp.isEmpty()) {
            return Optional.of(UNKNOWN_TPP);
        }
        return tpp.get().status() == TppStatus.SCREENING ? Optional.empty() : Optional.of(NOT_IN_SCREENING);
    }

    private static ScreeningOutcome outcome(Transition transition) {
        return switch (transition) {
            case Transition.Moved moved -> new Done();
            case Transition.Refused refused -> new LifecycleRefused(refused.refusal());
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
