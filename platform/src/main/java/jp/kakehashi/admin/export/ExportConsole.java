package jp.kakehashi.admin.export;

import java.util.Map;
import jp.kakehashi.admin.Requested;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's exports page (C4): request an export with a reason, see its state, download it once. */
@Controller
class ExportConsole {

    private final StaffExports exports;
    private final StaffRequests requests;
    private final StaffAccounts accounts;
    private final Tpps tpps;
    private final java.time.Clock clock;

    ExportConsole(StaffExports exports, StaffRequests requests, StaffAccounts accounts, Tpps tpps,
            java.time.Clock clock) {
        this.clock = clock;
        this.exports = exports;
        this.requests = requests;
        this.accounts = accounts;
        this.tpps = tpps;
    }

    @GetMapping("/console/exports")
    String page(Model model) {
        return page(model, "", "");
    }

    @PostMapping("/console/exports")
    String request(@RequestParam(defaultValue = "") String tppId, @RequestParam(defaultValue = "") String reason,
            Model model) {
        StaffMember staff = StaffAuthentication.current().orElseThrow();
        Requested outcome = requests.request(staff, TppGrantsExport.KIND, tppId, Map.of(), reason);
        if (outcome instanceof Requested.Refused refused) {
            model.addAttribute("refusal", refused.detail() != null ? refused.detail()
                    : "console.request.refusal." + refused.refusal().name());
            return page(model, tppId, reason);
        }
        model.addAttribute("requested", true);
        return page(model, "", "");
    }

    @PostMapping("/console/exports/{id}/download")
    Object download(@PathVariable String id, Model model) {
        return switch (exports.download(StaffAuthentication.current().orElseThrow(), id)) {
            case Download.File file -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(file.export().subject() + "-grants-" + file.export().id() + ".csv").build()
                            .toString())
                    .header("X-Content-SHA256", file.export().sha256())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(file.content());
            case Download.Refused refused -> {
                model.addAttribute("refusal", "console.export.refusal." + refused.refusal().name());
                yield page(model, "", "");
            }
        };
    }

    private String page(Model model, String tppId, String reason) {
        StaffMember staff = StaffAuthentication.current().orElseThrow();
        model.addAttribute("exports", exports.of(staff.id()));
        model.addAttribute("pending", requests.pending().stream()
                .filter(r -> r.kind().equals(TppGrantsExport.KIND) && r.requestedBy().equals(staff.id())).toList());
        model.addAttribute("tpps", tpps.all());
        model.addAttribute("tppId", tppId);
        model.addAttribute("reason", reason);
        model.addAttribute("names", accounts.displayNames());
        model.addAttribute("now", clock.instant());
        return "console/exports";
    }
}
