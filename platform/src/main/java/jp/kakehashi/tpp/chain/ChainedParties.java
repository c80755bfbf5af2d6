package jp.kakehashi.tpp.chain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.tpp.ChainedPartyHeader;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chained parties of TPPs and the bank's handling of them (F2): what staff choose and register, and what
 * {@link ChainPolicy} decides calls by.
 */
@Repository
public class ChainedParties {

    /** The outcome of registering a party. */
    public enum Registration {
        REGISTERED, MALFORMED_ID, ALREADY_REGISTERED, NO_API_CLASS
    }

    /** The outcome of choosing a handling. */
    public enum Choice {
        RECORDED, CONDITIONS_MISSING
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ChainedParties(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the bank's handling of a TPP's chains for one API class, replacing the one before. */
    @Transactional
    public Choice choose(String tppId, ApiClass apiClass, ChainHandling handling, String conditions, String staff) {
        String agreed = conditions == null || conditions.isBlank() ? null : conditions.strip();
        if (handling == ChainHandling.CONDITIONS && agreed == null) {
            return Choice.CONDITIONS_MISSING;
        }
        jdbc.sql("""
                insert into tpp_chain_handling (tpp_id, api_class, handling, conditions, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tpp_id, api_class) do update set handling = excluded.handling,
                    conditions = excluded.conditions, decided_by = excluded.decided_by, decided_at = excluded.decided_at
                """).params(tppId, apiClass.name(), handling.name(), agreed, staff, Timestamp.from(clock.instant()))
                .update();
        return Choice.RECORDED;
    }

    public Optional<ChainAgreement> agreement(String tppId, ApiClass apiClass) {
        return jdbc.sql("select * from tpp_chain_handling where tpp_id = ? and api_class = ?")
                .params(tppId, apiClass.name()).query(ChainedParties::agreement).optional();
    }

    public List<ChainAgreement> agreements(String tppId) {
        return jdbc.sql("select * from tpp_chain_handling where tpp_id = ? order by api_class desc").param(tppId)
                .query(ChainedParties::agreement).list();
    }

    /** Registers a party of a TPP for the given API classes. */
    @Transactional
    public Registration register(String tppId, String partyId, String name, String corporateNumber,
            Set<ApiClass> apiClasses, String registeredBy) {
        if (!ChainedPartyHeader.isWellFormed(partyId)) {
            return Registration.MALFORMED_ID;
        }
        if (apiClasses.isEmpty()) {
            return Registration.NO_API_CLASS;
        }
        int inserted = jdbc.sql("""
                insert into tpp_chained_party (tpp_id, party_id, name, corporate_number, api_classes, registered_by,
                    registered_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(tppId, partyId, name.strip(), blankToNull(corporateNumber),
                apiClasses.stream().map(Enum::name).sorted().toArray(String[]::new), registeredBy,
                Timestamp.from(clock.instant())).update();
        return inserted == 1 ? Registration.REGISTERED : Registration.ALREADY_REGISTERED;
    }

    /** The bank approves a registered, not withdrawn party (for {@link ChainHandling#APPROVAL}). */
    @Transactional
    public boolean approve(String tppId, String partyId, String staff) {
        return jdbc.sql("""
                update tpp_chained_party set approved_by = ?, approved_at = ?
                where tpp_id = ? and party_id = ? and withdrawn_at is null and approved_at is null
                """).params(staff, Timestamp.from(clock.instant()), tppId, partyId).update() == 1;
    }

    /** Records the TPP's notice of a party, allowing calls for it from {@code allowedFrom} (PRIOR_NOTICE). */
    @Transactional
    public boolean recordNotice(String tppId, String partyId, LocalDate allowedFrom) {
        return jdbc.sql("""
                update tpp_chained_party set noticed_at = ?, allowed_from = ?
                where tpp_id = ? and party_id = ? and withdrawn_at is null
                """).params(Timestamp.from(clock.instant()), Date.valueOf(allowedFrom), tppId, partyId).update() == 1;
    }

    /** Withdraws a party: calls for it are refused from now on; its record stays for audit. */
    @Transactional
    public boolean withdraw(String tppId, String partyId) {
        return jdbc.sql("""
                update tpp_chained_party set withdrawn_at = ? where tpp_id = ? and party_id = ? and withdrawn_at is null
                """).params(Timestamp.from(clock.instant()), tppId, partyId).update() == 1;
    }

    public Optional<ChainedParty> find(String tppId, String partyId) {
        return jdbc.sql("select * from tpp_chained_party where tpp_id = ? and party_id = ?").params(tppId, partyId)
                .query(ChainedParties::party).optional();
    }

    public List<ChainedParty> of(String tppId) {
        return jdbc.sql("select * from tpp_chained_party where tpp_id = ? order by withdrawn_at nulls first, party_id")
                .param(tppId).query(ChainedParties::party).list();
    }

    /** Whether a call of a TPP for a party is allowed now. */
    public ChainDecision decide(String tppId, String partyId, ApiClass apiClass) {
        return ChainPolicy.decide(agreement(tppId, apiClass).map(ChainAgreement::handling), find(tppId, partyId),
                apiClass, LocalDate.now(clock.withZone(BusinessClock.TOKYO)));
    }

    private static ChainAgreement agreement(ResultSet rs, int row) throws SQLException {
        return new ChainAgreement(rs.getString("tpp_id"), ApiClass.valueOf(rs.getString("api_class")),
                ChainHandling.valueOf(rs.getString("handling")), rs.getString("conditions"),
                rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant());
    }

    private static ChainedParty party(ResultSet rs, int row) throws SQLException {
        var classes = EnumSet.noneOf(ApiClass.class);
        Arrays.stream((String[]) rs.getArray("api_classes").getArray()).forEach(c -> classes.add(ApiClass.valueOf(c)));
        Date allowedFrom = rs.getDate("allowed_from");
        return new ChainedParty(rs.getString("tpp_id"), rs.getString("party_id"), rs.getString("name"),
                rs.getString("corporate_number"), classes, rs.getString("registered_by"),
                instant(rs.getTimestamp("registered_at")), rs.getString("approved_by"),
                instant(rs.getTimestamp("approved_at")), allowedFrom == null ? null : allowedFrom.toLocalDate(),
                instant(rs.getTimestamp("withdrawn_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
