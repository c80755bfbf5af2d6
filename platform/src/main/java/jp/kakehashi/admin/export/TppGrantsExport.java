package jp.kakehashi.admin.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.admin.ApprovedAction;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.GrantsOfTpp;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.tpp.Tpps;
import org.springframework.context.MessageSource;

/**
 * The export "customers with grants of TPP X" (C4, for an incident's affected customers, C6) as a maker-checker kind:
 * customer id, grant id, client, scopes and dates, no account numbers (the least that serves). The file is made when
 * approved.
 */
final class TppGrantsExport implements ApprovedAction {

    static final String KIND = "export.tpp-grants";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BusinessClock.TOKYO);

    private final GrantsOfTpp grants;
    private final Tpps tpps;
    private final StaffExports exports;
    private final MessageSource messages;

    TppGrantsExport(GrantsOfTpp grants, Tpps tpps, StaffExports exports, MessageSource messages) {
        this.grants = grants;
        this.tpps = tpps;
        this.exports = exports;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<StaffRole> requesterRoles() {
        return EnumSet.of(StaffRole.OPERATOR);
    }

    @Override
    public Optional<String> check(String target, Map<String, String> payload) {
        return tpps.find(target).isPresent() ? Optional.empty() : Optional.of("console.tpp.refusal.UNKNOWN_TPP");
    }

    @Override
    public String describe(StaffRequest request, Locale locale) {
        String name = tpps.find(request.target()).map(tpp -> locale.getLanguage().equals("en") ? tpp.legalNameEn()
                : tpp.legalName()).orElse(request.target());
        return messages.getMessage("console.export.describe", new Object[] {name,
                grants.countActiveOf(new TppId(request.target()))}, locale);
    }

    @Override
    public Result execute(StaffRequest request, StaffMember approver) {
        List<Grant> rows = grants.activeOf(new TppId(request.target()));
        StaffExport made = exports.store(request, approver, request.target(), rows.size(), csv(rows));
        return new Done("rows=" + made.rowCount() + " sha256=" + made.sha256());
    }

    static byte[] csv(List<Grant> rows) {
        var out = new ByteArrayOutputStream();
        // a BOM, so spreadsheet software in Japan reads UTF-8
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        StringBuilder text = new StringBuilder("customer_id,grant_id,client_id,scopes,created_at,expires_at,last_used_at\r\n");
        for (Grant grant : rows) {
            text.append(String.join(",", field(grant.customerId()), field(grant.id()), field(grant.clientId()),
                    field(String.join(" ", grant.scopes().stream().sorted().toList())),
                    field(TIME.format(grant.createdAt())), field(TIME.format(grant.expiresAt())),
                    field(grant.lastUsedAt() == null ? "" : TIME.format(grant.lastUsedAt())))).append("\r\n");
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** RFC 4180 quoting; a leading formula character is defused so a spreadsheet never runs a cell. */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
