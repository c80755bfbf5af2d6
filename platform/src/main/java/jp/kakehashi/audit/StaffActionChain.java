package jp.kakehashi.audit;

import java.util.List;
import java.util.Optional;
import jp.kakehashi.audit.ExecutionLogRecord.ChainLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff action log's hash chain (C4): chained at insert by {@link StaffActions} (staff actions are few), hashed
 * by {@link StaffActionHash}.
 */
@Component
class StaffActionChain implements HashChain {

    static final String NAME = "staff-actions";

    private final JdbcClient jdbc;
    private final ChainTable links;

    StaffActionChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.links = new ChainTable(jdbc, "staff_action_log");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ChainLink> head() {
        return links.head();
    }

    @Override
    public Optional<ChainLink> linkAt(long sequenceNumber) {
        return links.linkAt(sequenceNumber);
    }

    @Override
    public long countOutsideChain() {
        return links.countOutsideChain();
    }

    @Override
    public List<ChainEntry> entriesAfter(long sequenceNumber, int limit) {
        return jdbc.sql("select * from staff_action_log where sequence_number > ? order by sequence_number limit ?")
                .params(sequenceNumber, limit).query(StaffActions::entry).list().stream()
                .map(entry -> new ChainEntry(entry.sequenceNumber(), entry.previousHash(), entry.recordHash(),
                        StaffActionHash.of(entry)))
                .toList();
    }
}
