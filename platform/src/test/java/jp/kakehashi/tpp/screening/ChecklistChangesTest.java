package jp.kakehashi.tpp.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.tpp.screening.ChecklistChange.Kind;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Applied;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Proposed;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refused;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Rejected;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A2: the bank's items change without code, by maker and checker, in versions; the common part is fixed. */
@PlatformTest
class ChecklistChangesTest {

    private static final ItemText TEXT = new ItemText("外部委託先管理", "Outsourcing management",
            "外部委託先の管理方法を記載してください。", "Describe how you manage contractors.");

    @Autowired
    ChecklistChanges changes;
    @Autowired
    Checklist checklist;

    @Test
    void proposeWhenAddingThenNothingChangesUntilAnotherPersonApproves() {
        String code = code();
        long id = ((Proposed) changes.propose(Kind.ADD, code, true, TEXT, "FISC 外部委託先管理態勢", "reviewer-1"))
                .changeId();
        assertThat(checklist.current()).noneMatch(item -> item.code().equals(code));

        assertThat(changes.approve(id, "reviewer-1")).isEqualTo(new Refused(Refusal.SAME_PERSON));
        assertThat(checklist.current()).noneMatch(item -> item.code().equals(code));

        Applied applied = (Applied) changes.approve(id, "approver-1");
        assertThat(applied.item().version()).isEqualTo(1);
        assertThat(applied.item().part()).isEqualTo(ChecklistPart.BANK);
        assertThat(checklist.current()).anyMatch(item -> item.code().equals(code) && item.mandatory());
        assertThat(changes.approve(id, "approver-2")).isEqualTo(new Refused(Refusal.NOT_PENDING));
    }

    @Test
    void approveWhenChangingThenNewVersionIsCurrentAndOldOneStaysForWhoAnsweredIt() {
        String code = added();
        ChecklistItem first = checklist.currentOf(code).orElseThrow();
        var reworded = new ItemText("外部委託先管理（再委託を含む）", "Outsourcing incl. subcontractors", "…", "…");
        long id = ((Proposed) changes.propose(Kind.CHANGE, code, false, reworded, "再委託を追加", "reviewer-1"))
                .changeId();
        changes.approve(id, "approver-1");

        ChecklistItem second = checklist.currentOf(code).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.mandatory()).isFalse();
        assertThat(second.position()).isEqualTo(first.position());
        assertThat(checklist.current()).extracting(ChecklistItem::id).contains(second.id())
                .doesNotContain(first.id());
        assertThat(checklist.find(first.id())).contains(first);
    }

    @Test
    void approveWhenRetiringThenGoneFromCurrent() {
        String code = added();
        long id = ((Proposed) changes.propose(Kind.RETIRE, code, null, null, "不要になった", "reviewer-1"))
                .changeId();
        assertThat(changes.approve(id, "approver-1")).isEqualTo(new Applied(null));
        assertThat(checklist.current()).noneMatch(item -> item.code().equals(code));
    }

    @Test
    void rejectWhenByAnotherPersonThenNothingChanges() {
        String code = code();
        long id = ((Proposed) changes.propose(Kind.ADD, code, true, TEXT, "案", "reviewer-1")).changeId();
        assertThat(changes.reject(id, "approver-1")).isEqualTo(new Rejected(id));
        assertThat(checklist.current()).noneMatch(item -> item.code().equals(code));
        assertThat(changes.pending()).noneMatch(change -> change.id() == id);
    }

    @Test
    void withdrawWhenByTheProposerThenNothingChangesAndItemMayBeProposedAgain() {
        String code = code();
        long id = ((Proposed) changes.propose(Kind.ADD, code, true, TEXT, "案", "reviewer-1")).changeId();
        assertThat(changes.propose(Kind.ADD, code, true, TEXT, "案2", "reviewer-2"))
                .isEqualTo(new Refused(Refusal.ALREADY_PROPOSED));
        assertThat(changes.withdraw(id, "reviewer-2")).isEqualTo(new Refused(Refusal.NOT_PENDING));
        assertThat(changes.withdraw(id, "reviewer-1")).isEqualTo(new Rejected(id));
        assertThat(changes.history()).filteredOn(change -> change.id() == id)
                .extracting(ChecklistChange::state).containsExactly(ChecklistChange.State.WITHDRAWN);
        assertThat(changes.propose(Kind.ADD, code, true, TEXT, "案2", "reviewer-2")).isInstanceOf(Proposed.class);
    }

    @Test
    void proposeWhenCommonItemThenRefusedEvenToRetire() {
        assertThat(changes.propose(Kind.RETIRE, "COMMON-UP-2", null, null, "不要", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.COMMON_PART_FIXED));
        assertThat(changes.propose(Kind.CHANGE, "COMMON-SEC-1", false, TEXT, "軽くしたい", "reviewer-1"))
                .isEqualTo(new Refused(Refusal.COMMON_PART_FIXED));
        assertThat(checklist.currentOf("COMMON-UP-2")).isPresent();
    }

    @Test
    void proposeWhenIncompleteOrWithoutReasonThenRefused() {
        assertThat(changes.propose(Kind.ADD, code(), true, new ItemText("題", "", "問", "q"), "理由", "r"))
                .isEqualTo(new Refused(Refusal.INCOMPLETE));
        assertThat(changes.propose(Kind.ADD, code(), true, TEXT, " ", "r"))
                .isEqualTo(new Refused(Refusal.REASON_MISSING));
        assertThat(changes.propose(Kind.CHANGE, code(), true, TEXT, "理由", "r"))
                .isEqualTo(new Refused(Refusal.UNKNOWN_ITEM));
    }

    @Test
    void checklistWhenSeededThenCommonPartCoversEveryPointOfA2AndIsMandatory() {
        assertThat(checklist.current()).filteredOn(item -> item.part() == ChecklistPart.COMMON)
                .hasSizeGreaterThanOrEqualTo(11).allMatch(ChecklistItem::mandatory)
                .extracting(item -> item.titleJa())
                .anyMatch(title -> title.contains("反社会的勢力"))
                .anyMatch(title -> title.contains("不祥事案"))
                .anyMatch(title -> title.contains("ガバナンス"))
                .anyMatch(title -> title.contains("法令遵守"))
                .anyMatch(title -> title.contains("兼業"))
                .anyMatch(title -> title.contains("利用規約"));
    }

    private String added() {
        String code = code();
        long id = ((Proposed) changes.propose(Kind.ADD, code, true, TEXT, "追加", "reviewer-1")).changeId();
        changes.approve(id, "approver-1");
        return code;
    }

    private static String code() {
        return "BANK-T-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
