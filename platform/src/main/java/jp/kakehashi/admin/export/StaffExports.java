package jp.kakehashi.admin.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequest;
import jp.kakehashi.audit.StaffActions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Made export files (C4): stored at approval, handed out once to the requester within the window, then erased. */
@Service
class StaffExports {

    private final JdbcClient jdbc;
    private final StaffActions log;
    private final Clock clock;
    private final Duration window;

    StaffExports(JdbcClient jdbc, StaffActions log, Clock clock,
            @Value("${kakehashi.console.export-window:24h}") Duration window) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
        this.window = window;
    }

    /** Stores the file made for an approved request; runs in the approval's transaction. */
    StaffExport store(StaffRequest request, StaffMember approver, String subject, int rows, byte[] content) {
        String id = "exp-" + UUID.randomUUID();
        String sha256 = StaffActions.sha256(content);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into staff_export (id, request_id, kind, subject, requested_by, approved_by, created_at,
                                          available_until, row_count, sha256, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, request.id(), request.kind(), subject, request.requestedBy(), approver.id(),
                        Timestamp.from(now), Timestamp.from(now.plus(window)), rows, sha256, content).update();
        log.record(approver.id(), request.kind() + ".made", subject, "success",
                Map.of("export", id, "request", request.id(), "rows", rows, "sha256", sha256));
        return find(id).orElseThrow();
    }

    /**
     * The file, if this staff member requested it, nobody downloaded it yet and its window is open. Handing it out
     * erases it, in one conditional update, so two clicks get it once.
     */
    @Transactional
    Download download(StaffMember staff, String exportId) {
        Optional<StaffExport> export = find(exportId);
        if (export.isEmpty()) {
            return new Download.Refused(Download.Refusal.UNKNOWN);
        }
        Download outcome = take(staff, export.get());
        String result = outcome instanceof Download.Refused refused ? refused.refusal().name() : "success";
        log.record(staff.id(), export.get().kind() + ".downloaded", export.get().subject(),
                outcome instanceof Download.File ? "success" : "refused", Map.of("export", exportId, "rows",
                        export.get().rowCount(), "sha256", export.get().sha256(), "result", result));
        return outcome;
    }

    private Download take(StaffMember staff, StaffExport export) {
        if (!export.requestedBy().equals(staff.id())) {
            return new Download.Refused(Download.Refusal.NOT_THE_REQUESTER);
        }
        if (export.downloadedAt() != null) {
            return new Download.Refused(Download.Refusal.ALREADY_DOWNLOADED);
        }
        Instant now = clock.instant();
        if (!now.isBefore(export.availableUntil())) {
            return new Download.Refused(Download.Refusal.EXPIRED);
        }
        // locked, so a second click waits and then finds it taken
        Optional<byte[]> content = jdbc.sql("""
                select content from staff_export
                where id = ? and downloaded_at is null and available_until > ? and content is not null
                for update""").params(export.id(), Timestamp.from(now)).query((rs, row) -> rs.getBytes(1)).optional();
        content.ifPresent(taken -> jdbc.sql("update staff_export set downloaded_at = ?, content = null where id = ?")
                .params(Timestamp.from(now), export.id()).update());
        return content.<Download>map(bytes -> new Download.File(export, bytes))
                .orElseGet(() -> new Download.Refused(Download.Refusal.ALREADY_DOWNLOADED));
    }

    /** The requester's exports, newest first; contents past their window are erased on the way. */
    List<StaffExport> of(String staffId) {
        jdbc.sql("update staff_export set content = null where content is not null and available_until <= ?")
                .param(Timestamp.from(clock.instant())).update();
        return jdbc.sql("select * from staff_export where requested_by = ? order by created_at desc").param(staffId)
                .query(StaffExports::export).list();
    }

    Optional<StaffExport> find(String exportId) {
        return jdbc.sql("select * from staff_export where id = ?").param(exportId).query(StaffExports::export)
                .optional();
    }

    private static StaffExport export(ResultSet rs, int row) throws SQLException {
        Timestamp downloaded = rs.getTimestamp("downloaded_at");
        return new StaffExport(rs.getString("id"), rs.getString("request_id"), rs.getString("kind"),
                rs.getString("subject"), rs.getString("requested_by"), rs.getString("approved_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("available_until").toInstant(),
                rs.getInt("row_count"), rs.getString("sha256"), downloaded == null ? null : downloaded.toInstant());
    }
}
