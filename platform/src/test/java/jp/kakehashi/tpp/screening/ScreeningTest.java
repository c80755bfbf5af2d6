package jp.kakehashi.tpp.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.TppApplication.IncidentContact;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.TppStatusChange;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.Transition;
import jp.kakehashi.tpp.screening.Recommendation.Outcome;
import jp.kakehashi.tpp.screening.ScreeningOutcome.Done;
import jp.kakehashi.tpp.screening.ScreeningOutcome.LifecycleRefused;
import jp.kakehashi.tpp.screening.ScreeningOutcome.Refusal;
import jp.kakehashi.tpp.screening.ScreeningOutcome.Refused;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A1, A3: findings per item before a recommendation; the decision by a second person moves the TPP. */
@PlatformTest
class ScreeningTest {

    @Autowired
    Screening screening;
    @Autowired
    Checklist checklist;
    @Autowired
    Tpps tpps;
    @Autowired
    TppLifecycle lifecycle;

    @Test
    void submitWhenAnsweredThenApplicationIsJudgedAgainstTheItemsItAnswered() {
        List<ChecklistItem> seen = checklist.current();
        String tppId = submitted();
        ScreeningFile file = screening.file(tppId).orElseThrow();
        assertThat(file.items()).extracting(ChecklistItem::id)
                .containsExactlyInAnyOrderElementsOf(seen.stream().map(ChecklistItem::id).toList());
        assertThat(file.answers()).hasSize(seen.size());
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.APPLIED);
    }

    @Test
    void recordFindingWhenNotInScreeningThenRefused() {
        String tppId = submitted();
        long item = checklist.ofApplication(tppId).getFirst().id();
        assertThat(screening.recordFinding(tppId, item, Assessment.SATISFIED, "ok", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.NOT_IN_SCREENING));
    }

    @Test
    void recommendWhenMandatoryItemLacksFindingThenRefused() {
        String tppId = inScreening();
        List<ChecklistItem> items = checklist.ofApplication(tppId);
        items.subList(0, items.size() - 1).forEach(item -> judge(tppId, item));

        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "問題なし", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.MANDATORY_FINDINGS_MISSING));
        judge(tppId, items.getLast());
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "問題なし", "reviewer-1"))
                .isEqualTo(new Done());
    }

    @Test
    void recordFindingWhenNoteMissingOrItemNotAnsweredThenRefused() {
        String tppId = inScreening();
        long item = checklist.ofApplication(tppId).getFirst().id();
        assertThat(screening.recordFinding(tppId, item, Assessment.CONCERN, " ", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.TEXT_MISSING));
        assertThat(screening.recordFinding(tppId, -1, Assessment.CONCERN, "note", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.UNKNOWN_ITEM));
    }

    @Test
    void decideWhenApproverIsAnotherPersonThenApprovedForRecommendedScopesWithSummaryAsReason() {
        String tppId = judged();
        screening.recordReference(tppId, new Reference(0, Reference.Kind.CERTIFICATION, "ISO/IEC 27001",
                "JQA", "JQA-IM0001", LocalDate.of(2028, 3, 31), "reviewer-1", Instant.now()));
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "全項目充足", "reviewer-1"))
                .isEqualTo(new Done());

        assertThat(screening.decide(tppId, "reviewer-1")).isEqualTo(new Refused(Refusal.SAME_PERSON));
        assertThat(screening.decide(tppId, "approver-1")).isEqualTo(new Done());

        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.APPROVED);
        assertThat(tpps.find(tppId).orElseThrow().approvedScopes()).containsExactly("accounts");
        TppStatusChange last = lifecycle.history(tppId).getLast();
        assertThat(last.reason()).isEqualTo("全項目充足");
        assertThat(last.requestedBy()).isEqualTo("reviewer-1");
        assertThat(last.approvedBy()).isEqualTo("approver-1");
        ScreeningFile file = screening.file(tppId).orElseThrow();
        assertThat(file.references()).extracting(Reference::name).containsExactly("ISO/IEC 27001");
        assertThat(file.pending()).isEmpty();
    }

    @Test
    void decideWhenRecommendedRejectionThenRejected() {
        String tppId = judged();
        screening.recommend(tppId, Outcome.REJECT, Set.of(), "反社チェックで懸念", "reviewer-1");
        assertThat(screening.decide(tppId, "approver-1")).isEqualTo(new Done());
        assertThat(tpps.find(tppId).orElseThrow().status()).isEqualTo(TppStatus.REJECTED);
        assertThat(screening.decide(tppId, "approver-1")).isEqualTo(new Refused(Refusal.NO_RECOMMENDATION));
    }

    @Test
    void recommendWhenScopesNotRequestedThenRefused() {
        String tppId = judged();
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("transfers"), "ok", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.SCOPES_INVALID));
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of(), "ok", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.SCOPES_INVALID));
    }

    @Test
    void returnToReviewerWhenApproverDisagreesThenReviewerMayRecommendAgain() {
        String tppId = judged();
        screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts", "balances"), "ok", "reviewer-1");
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "ok", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.RECOMMENDATION_PENDING));
        assertThat(screening.returnToReviewer(tppId, "approver-1", "残高は不要では")).isEqualTo(new Done());
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "口座のみ", "reviewer-1"))
                .isEqualTo(new Done());
        assertThat(screening.file(tppId).orElseThrow().recommendations()).hasSize(2)
                .extracting(Recommendation::state)
                .containsExactly(Recommendation.State.PENDING, Recommendation.State.RETURNED);
    }

    @Test
    void withdrawWhenByTheReviewerThenWithdrawnAndMayRecommendAgain() {
        String tppId = judged();
        screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "ok", "reviewer-1");
        assertThat(screening.withdraw(tppId, "reviewer-2")).isEqualTo(new Refused(Refusal.NO_RECOMMENDATION));
        assertThat(screening.withdraw(tppId, "reviewer-1")).isEqualTo(new Done());
        assertThat(screening.file(tppId).orElseThrow().recommendations()).extracting(Recommendation::state)
                .containsExactly(Recommendation.State.WITHDRAWN);
        assertThat(screening.recommend(tppId, Outcome.APPROVE, Set.of("accounts"), "ok", "reviewer-1"))
                .isEqualTo(new Done());
    }

    @Test
    void startWhenAlreadyInScreeningThenLifecycleRefuses() {
        String tppId = inScreening();
        assertThat(screening.start(tppId, "reviewer-2"))
                .isEqualTo(new LifecycleRefused(Transition.Refusal.NOT_ALLOWED_FROM_STATUS));
    }

    private String judged() {
        String tppId = inScreening();
        checklist.ofApplication(tppId).forEach(item -> judge(tppId, item));
        return tppId;
    }

    private void judge(String tppId, ChecklistItem item) {
        assertThat(screening.recordFinding(tppId, item.id(), Assessment.SATISFIED, "根拠資料で確認", "reviewer-1"))
                .isEqualTo(new Done());
    }

    private String inScreening() {
        String tppId = submitted();
        assertThat(screening.start(tppId, "reviewer-1")).isEqualTo(new Done());
        return tppId;
    }

    private String submitted() {
        var application = new TppApplication("株式会社審査テスト", "Screening Test K.K.", "審査テスト", "Screening Test",
                "審査 太郎", "東京都千代田区1-1", "03-0000-0000", "info@screening.example.jp", null, "第1号",
                "applicant@screening.example.jp", Set.of(ApiClass.READ), Set.of("accounts", "balances"),
                List.of("https://screening.example.jp/cb"), "{\"keys\":[]}", null,
                List.of(new IncidentContact("連絡 花子", "CISO", "ciso@screening.example.jp", "03-0000-0001")),
                "補償します");
        List<Answer> answers = checklist.current().stream()
                .map(item -> new Answer(item.id(), "回答 " + item.code(), "資料 " + item.code())).toList();
        return screening.submit(application, answers);
    }
}
