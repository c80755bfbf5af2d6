package jp.kakehashi.tpp.screening;

import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.ALREADY_PROPOSED;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.COMMON_PART_FIXED;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.INCOMPLETE;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.ITEM_EXISTS;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.NOT_PENDING;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.REASON_MISSING;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.SAME_PERSON;
import static jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refusal.UNKNOWN_ITEM;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.tpp.screening.ChecklistChange.Kind;
import jp.kakehashi.tpp.screening.ChecklistChange.State;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Applied;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Proposed;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Refused;
import jp.kakehashi.tpp.screening.ChecklistChangeOutcome.Rejected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of the checklist's bank-specific items without code (A2), by maker and checker: a reviewer proposes adding,
 * changing or retiring an item; another person approves (the new version becomes current, the old one is retired)
 * or rejects. The common part is fixed.
 */
@Service
public class ChecklistChanges {

    private final JdbcClient jdbc;
    private final Checklist checklist;
    private final Clock clock;

    ChecklistChanges(JdbcClient jdbc, Checklist checklist, Clock clock) {
        this.jdbc = jdbc;
        this.checklist = checklist;
        this.clock = clock;
    }

    @Transactional
    public ChecklistChangeOutcome propose(Kind kind, String code, Boolean mandatory, ItemText text, String reason,
            String proposedBy) {
        Optional<ChecklistChangeOutcome.Refusal> invalid = invalid(kind, code, mandatory, text, reason);
        if (invalid.isPresent()) {
            return new Refused(invalid.get());
        }
        if (pendingFor(code).isPresent()) {
            return new Refused(ALREADY_PROPOSED);
        }
        ItemText words = kind == Kind.RETIRE ? new ItemText(null, null, null, null) : text;
        long id = jdbc.sql("""
                insert into screening_item_change (kind, code, mandatory, title_ja, title_en, question_ja, question_en,
                                                   reason, proposed_by, proposed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(kind.name(), code.strip(), kind == Kind.RETIRE ? null : mandatory, words.titleJa(),
                words.titleEn(), words.questionJa(), words.questionEn(), reason, proposedBy,
                Timestamp.from(clock.instant())).query(Long.class).single();
        return new Proposed(id);
    }

    /** The checker approves; the change takes effect for applications submitted from now on. */
    @Transactional
    public ChecklistChangeOutcome approve(long changeId, String approver) {
        Optional<ChecklistChange> change = lockPending(changeId);
        if (change.isEmpty()) {
            return new Refused(NOT_PENDING);
        }
        if (change.get().proposedBy().equals(approver)) {
            return new Refused(SAME_PERSON);
        }
        // the item may have moved since the proposal (another change approved meanwhile): judge it again
        var c = change.get();
        Optional<ChecklistChangeOutcome.Refusal> invalid = invalid(c.kind(), c.code(), c.mandatory(), c.text(),
                c.reason());
        if (invalid.isPresent()) {
            return new Refused(invalid.get());
        }
        ChecklistItem applied = apply(c);
        decide(changeId, State.APPROVED, approver);
        return new Applied(applied);
    }

    @Transactional
    public ChecklistChangeOutcome reject(long changeId, String approver) {
        Optional<ChecklistChange> change = lockPending(changeId);
        if (change.isEmpty()) {
            return new Refused(NOT_PENDING);
        }
        if (change.get().proposedBy().equals(approver)) {
            return new Refused(SAME_PERSON);
        }
        decide(changeId, State.REJECTED, approver);
        return new Rejected(changeId);
    }

    /** The proposer takes a waiting proposal back. */
    @Transactional
    public ChecklistChangeOutcome withdraw(long changeId, String proposer) {
        Optional<ChecklistChange> change = lockPending(changeId);
        if (change.isEmpty() || !change.get().proposedBy().equals(proposer)) {
            return new Refused(NOT_PENDING);
        }
        decide(changeId, State.WITHDRAWN, proposer);
        return new Rejected(changeId);
    }

    /** The waiting proposal for an item, if any. */
    public Optional<ChecklistChange> pendingFor(String code) {
        return jdbc.sql("select * from screening_item_change where code = ? and state = 'PENDING'")
                .param(code == null ? "" : code.strip()).query(ChecklistChanges::change).optional();
    }

    /** Proposals waiting for a checker, oldest first. */
    public List<ChecklistChange> pending() {
        return jdbc.sql("select * from screening_item_change where state = 'PENDING' order by id")
                .query(ChecklistChanges::change).list();
    }

    /** Every proposal and what became of it, newest first. */
    public List<ChecklistChange> history() {
        return jdbc.sql("select * from screening_item_change order by id desc").query(ChecklistChanges::change).list();
    }

    private ChecklistItem apply(ChecklistChange change) {
        var now = clock.instant();
        Optional<ChecklistItem> current = checklist.currentOf(change.code());
        current.ifPresent(item -> checklist.retire(item.id(), now));
        if (change.kind() == Kind.RETIRE) {
            return null;
        }
        int version = current.map(item -> item.version() + 1).orElse(1);
        return checklist.insert(change.code(), version, change.mandatory(),
                current.map(ChecklistItem::position).orElse(null), change.text(), now);
    }

    private Optional<ChecklistChangeOutcome.Refusal> invalid(Kind kind, String code, Boolean mandatory, ItemText text,
            String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(REASON_MISSING);
        }
        if (code == null || code.isBlank() || kind != Kind.RETIRE && (mandatory == null || text == null
                || !text.complete())) {
            return Optional.of(INCOMPLETE);
        }
        Optional<ChecklistItem> current = checklist.currentOf(code.strip());
        if (current.isPresent() && current.get().part() == ChecklistPart.COMMON) {
            return Optional.of(COMMON_PART_FIXED);
        }
        if (kind == Kind.ADD) {
            return checklist.exists(code.strip()) ? Optional.of(ITEM_EXISTS) : Optional.empty();
        }
        return current.isEmpty() ? Optional.of(UNKNOWN_ITEM) : Optional.empty();
    }

    private Optional<ChecklistChange> lockPending(long changeId) {
        return jdbc.sql("select * from screening_item_change where id = ? and state = 'PENDING' for update")
                .param(changeId).query(ChecklistChanges::change).optional();
    }

    private void decide(long changeId, State state, String approver) {
        jdbc.sql("update screening_item_change set state = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(state.name(), approver, Timestamp.from(clock.instant()), changeId).update();
    }

    private static ChecklistChange change(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new ChecklistChange(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                (Boolean) rs.getObject("mandatory"), new ItemText(rs.getString("title_ja"), rs.getString("title_en"),
                rs.getString("question_ja"), rs.getString("question_en")), rs.getString("reason"),
                rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
                State.valueOf(rs.getString("state")), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
