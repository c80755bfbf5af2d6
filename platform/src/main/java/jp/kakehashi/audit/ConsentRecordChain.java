package jp.kakehashi.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.kakehashi.consent.ConsentRecords;
import jp.kakehashi.consent.ConsentRecords.StoredConsent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent records' hash chain (D5): what each customer saw and agreed to, chained after the fact like the
 * execution log, through the consent module's {@link ConsentRecords}. The canonical form follows {@link RecordHash}.
 */
@Component
class ConsentRecordChain extends LateLinkedChain<StoredConsent> {

    static final String NAME = "consent-records";
    // "KAKECNST"
    private static final long CHAIN_LOCK = 0x4b414b45434e5354L;
    private static final String VERSION = "kakehashi-consent-records-v1";

    private final ConsentRecords records;

    ConsentRecordChain(ConsentRecords records, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions,
            @Value("${kakehashi.audit.chain-batch-size:1000}") int batchSize) {
        super(NAME, CHAIN_LOCK, "consent_record", "entry_number", jdbc, batch, transactions, batchSize);
        this.records = records;
    }

    @Override
    List<StoredConsent> unchained(int limit) {
        return records.unchained(limit);
    }

    @Override
    Object keyOf(StoredConsent record) {
        return record.entryNumber();
    }

    @Override
    int[] link(List<Object[]> updates) {
        return records.link(updates);
    }

    @Override
    String hash(StoredConsent record, long sequenceNumber, String previousHash) {
        StringBuilder canonical = new StringBuilder(2048);
        for (Object field : new Object[] {VERSION, sequenceNumber, previousHash, record.entryNumber(), record.id(),
                record.grantId(), record.customerId(), record.language(), record.template(), record.shownJson(),
                record.shownSha256(), ChronoUnit.MICROS.between(Instant.EPOCH, record.agreedAt()),
                record.templateVersion(), record.pageSha256(), record.confirmationText(), record.signInLevel()}) {
            RecordHash.field(canonical, field);
        }
        return RecordHash.sha256(canonical.toString());
    }

    @Override
    public List<ChainEntry> entriesAfter(long sequenceNumber, int limit) {
        return records.chainedAfter(sequenceNumber, limit).stream()
                .map(record -> new ChainEntry(record.sequenceNumber(), record.previousHash(), record.recordHash(),
                        hash(record, record.sequenceNumber(), record.previousHash())))
                .toList();
    }
}
