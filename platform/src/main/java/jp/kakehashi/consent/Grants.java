package jp.kakehashi.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent module's façade: opens grants with their consent record, activates, lists and revokes them (B8, D1,
 * D5). Revocation publishes {@link GrantRevoked} inside the same transaction so the tokens die with the grant.
 */
@Service
public class Grants {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Grants(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Records a grant the customer agreed to, pending until its code is redeemed, with what was shown (D5). */
    @Transactional
    public ConsentRecord open(NewGrant grant) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into grants (id, customer_id, tpp_id, client_id, scopes, account_ids, status, created_at, expires_at,
                                    authorization_details)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, cast(? as jsonb))
                """)
                .params(grant.id(), grant.customerId(), grant.tppId(), grant.clientId(),
                        grant.scopes().stream().sorted().toArray(String[]::new),
                        grant.accountIds().toArray(String[]::new), Timestamp.from(now),
                        Timestamp.from(grant.expiresAt()), grant.authorizationDetails().isEmpty() ? null
                                : CANONICAL.writeValueAsString(grant.authorizationDetails()))
                .update();
        return record(grant, now);
    }

    /**
     * Changes a live grant of the customer and client as the customer agreed on the consent screen (Grant Management
     * §5.2): {@code merge} adds the agreed rights and accounts to the grant's, {@code replace} makes them the grant's
     * only ones; either way the grant keeps its id, lasts until the expiry shown, and gets the consent record of what
     * was shown (D5). Publishes {@link GrantChanged} in the same transaction, so the grant's earlier tokens stop at
     * once. Empty when the grant is not live or not this customer's and client's.
     *
     * @param agreed          what was agreed, with {@code id} the grant's id
     * @param authorizationId the authorization the customer agreed in
     * @param replace         true to replace, false to merge
     */
    @Transactional
    public Optional<ConsentRecord> change(NewGrant agreed, String authorizationId, boolean replace) {
        Instant now = clock.instant();
        Optional<Grant> live = jdbc.sql("""
                select * from grants where id = ? and customer_id = ? and client_id = ? and status = 'ACTIVE'
                   and expires_at > ? for update""")
                .params(agreed.id(), agreed.customerId(), agreed.clientId(), Timestamp.from(now))
                .query(Grants::grant).optional();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Grant grant = live.get();
        var scopes = new java.util.TreeSet<>(agreed.scopes());
        var accounts = new java.util.LinkedHashSet<String>();
        if (!replace) {
            scopes.addAll(grant.scopes());
            accounts.addAll(grant.accountIds());
        }
        accounts.addAll(agreed.accountIds());
        jdbc.sql("""
                update grants set scopes = ?, account_ids = ?, expires_at = ?, updated_at = ?,
                                  authorization_details = cast(? as jsonb)
                where id = ?""")
                .params(scopes.toArray(String[]::new), accounts.toArray(String[]::new),
                        Timestamp.from(agreed.expiresAt()), Timestamp.from(now),
                        agreed.authorizationDetails().isEmpty() ? null
                                : CANONICAL.writeValueAsString(agreed.authorizationDetails()), grant.id())
                .update();
        ConsentRecord record = record(agreed, now);
        events.publishEvent(new GrantChanged(new GrantId(grant.id()), authorizationId, CustomerId.of(grant.customerId()),
                TppId.of(grant.tppId()), replace));
        return Optional.of(record);
    }

    /** When a grant's rights were last changed by a merge or replace, if ever. */
    public Optional<Instant> updatedAtOf(String grantId) {
        return jdbc.sql("select updated_at from grants where id = ? and updated_at is not null").param(grantId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private ConsentRecord record(NewGrant grant, Instant now) {
        String shownJson = CANONICAL.writeValueAsString(grant.shown());
        RenderedConsent rendered = grant.rendered();
        var record = new ConsentRecord(UUID.randomUUID().toString(), grant.id(), grant.customerId(), grant.language(),
                grant.template(), grant.shown(), sha256(shownJson), now, rendered);
        jdbc.sql("""
                insert into consent_record (id, grant_id, customer_id, language, template, shown, shown_sha256, agreed_at,
                                            template_version, page_sha256, confirmation_text, sign_in_level, page_gzip)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(record.id(), record.grantId(), record.customerId(), record.language(), record.template(),
                        shownJson, record.shownSha256(), Timestamp.from(now),
                        rendered == null ? grant.template() : rendered.templateVersion(),
                        rendered == null ? null : rendered.pageSha256(),
                        rendered == null ? null : rendered.confirmationText(),
                        rendered == null ? null : rendered.signInLevel(),
                        rendered == null || rendered.page() == null ? null : ConsentPages.compress(rendered.page()))
                .update();
        return record;
    }

    /** Marks a pending grant active when the TPP first redeems its code; idempotent. */
    @Transactional
    public void activate(String grantId) {
        jdbc.sql("update grants set status = 'ACTIVE', activated_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamp.from(clock.instant()), grantId).update();
    }

    /** Notes that a token of the grant was used, at most once a minute per grant to keep reads cheap. */
    public void touch(String grantId) {
        Instant now = clock.instant();
        jdbc.sql("update grants set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), grantId, Timestamp.from(now.minusSeconds(60))).update();
    }

    public Optional<Grant> find(String grantId) {
        return jdbc.sql("select * from grants where id = ?").param(grantId).query(Grants::grant).optional();
    }

    /** The customer's grants that still authorise something, newest first (the connected services page). */
    public List<Grant> activeOf(String customerId) {
        return jdbc.sql("""
                select * from grants where customer_id = ? and status = 'ACTIVE' and expires_at > ?
                order by created_at desc
                """).params(customerId, Timestamp.from(clock.instant())).query(Grants::grant).list();
    }

    /**
     * The RFC 9396 authorization details approved with a grant (empty for a grant of scopes only), as its access
     * tokens carry them. Single use of a transfer detail is enforced by the transfer API, not here.
     */
    public List<Map<String, Object>> authorizationDetailsOf(String grantId) {
        return jdbc.sql("select authorization_details from grants where id = ?").param(grantId)
                .query((rs, row) -> rs.getString(1)).list().stream()
                .filter(java.util.Objects::nonNull).findFirst()
                .map(json -> CANONICAL.readValue(json, new TypeReference<List<Map<String, Object>>>() {
                })).orElse(List.of());
    }

    /**
     * The customers whose grant to a TPP was in force at some time since {@code since} (E2: whom an incident of the
     * TPP may have touched), including grants revoked or expired meanwhile; by customer id.
     */
    public List<String> customersOfTpp(String tppId, Instant since) {
        return jdbc.sql("""
                select distinct customer_id from grants
                where tpp_id = ? and activated_at is not null and coalesce(revoked_at, expires_at) >= ?
                order by customer_id
                """).params(tppId, Timestamp.from(since)).query(String.class).list();
    }

    /**
     * The consent page the customer saw for a grant, exactly as it was sent (D5), when it was kept; its SHA-256 is the
     * record's {@code pageSha256}, which the chain covers.
     */
    public Optional<byte[]> consentPageOf(String grantId) {
        return jdbc.sql("select page_gzip from consent_record where grant_id = ? and page_gzip is not null"
                + " order by agreed_at desc limit 1").param(grantId).query(byte[].class).optional()
                .map(ConsentPages::decompress);
    }

    public Optional<ConsentRecord> consentRecordOf(String grantId) {
        return jdbc.sql("select * from consent_record where grant_id = ? order by agreed_at desc limit 1")
                .param(grantId).query(Grants::record).optional();
    }

    /**
     * Revokes a grant of the given customer; returns false when there is no such live grant of theirs, so one
     * customer can never revoke (or learn of) another's grant.
     */
    @Transactional
    public boolean revokeByCustomer(String grantId, String customerId) {
        return revoke(grantId, customerId, "customer", "revoked by the customer");
    }

    /**
     * Ends a grant on behalf of the TPP client it was given to (it revoked its refresh token); returns false when the
     * grant is not live or not that client's.
     */
    @Transactional
    public boolean revokeByTpp(String grantId, String clientId, String reason) {
        return revokeWhere("id = ? and client_id = ?", "tpp", reason, grantId, clientId) == 1;
    }

    /** Revokes every live grant of a customer (B8: per customer); returns how many. */
    @Transactional
    public int revokeAllOfCustomer(String customerId, String revokedBy, String reason) {
        return revokeWhere("customer_id = ?", revokedBy, reason, customerId);
    }

    /** Revokes every live grant of a TPP (B8: per TPP); returns how many. */
    @Transactional
    public int revokeAllOfTpp(TppId tppId, String revokedBy, String reason) {
        return revokeWhere("tpp_id = ?", revokedBy, reason, tppId.value());
    }

    private boolean revoke(String grantId, String customerId, String revokedBy, String reason) {
        return revokeWhere("id = ? and customer_id = ?", revokedBy, reason, grantId, customerId) == 1;
    }

    private int revokeWhere(String condition, String revokedBy, String reason, Object... keys) {
        List<Grant> live = jdbc.sql("select * from grants where status in ('PENDING', 'ACTIVE') and " + condition
                + " for update").params(keys).query(Grants::grant).list();
        Instant now = clock.instant();
        for (Grant grant : live) {
            jdbc.sql("""
                    update grants set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?
                    """).params(Timestamp.from(now), revokedBy, reason, grant.id()).update();
            events.publishEvent(new GrantRevoked(new GrantId(grant.id()), CustomerId.of(grant.customerId()),
                    TppId.of(grant.tppId()), revokedBy, reason));
        }
        return live.size();
    }

    static Grant grant(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getString("id"), rs.getString("customer_id"), rs.getString("tpp_id"),
                rs.getString("client_id"), new HashSet<>(strings(rs.getArray("scopes"))),
                strings(rs.getArray("account_ids")), GrantStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    static ConsentRecord record(ResultSet rs, int row) throws SQLException {
        Map<String, Object> shown = CANONICAL.readValue(rs.getString("shown"), new TypeReference<>() {
        });
        String page = rs.getString("page_sha256");
        RenderedConsent rendered = page == null ? null : new RenderedConsent(rs.getString("template_version"), page,
                rs.getString("confirmation_text"), rs.getString("sign_in_level"));
        return new ConsentRecord(rs.getString("id"), rs.getString("grant_id"), rs.getString("customer_id"),
                rs.getString("language"), rs.getString("template"), shown, rs.getString("shown_sha256"),
                instant(rs, "agreed_at"), rendered);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
