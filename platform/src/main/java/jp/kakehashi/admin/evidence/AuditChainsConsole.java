package jp.kakehashi.admin.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.audit.ChainVerification;
import jp.kakehashi.audit.Checkpoints;
import jp.kakehashi.audit.EvidenceProtection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's page of the chains: status, latest checkpoints, downloads, a verification on demand. */
@Controller
class AuditChainsConsole {

    static final String PATH = "/console/audit-chains";
    private static final int LATEST = 10;

    private final ChainVerification verification;
    private final Checkpoints checkpoints;
    private final EvidenceProtection protection;

    AuditChainsConsole(ChainVerification verification, Checkpoints checkpoints, EvidenceProtection protection) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.protection = protection;
    }

    @GetMapping(PATH)
    String show(Model model) {
        List<ChainVerification.ChainStatus> statuses = verification.statuses();
        Map<String, List<Checkpoints.Listed>> latest = new LinkedHashMap<>();
        statuses.forEach(status -> latest.put(status.name(), checkpoints.latest(status.name(), LATEST)));
        model.addAttribute("chains", statuses);
        model.addAttribute("checkpoints", latest);
        model.addAttribute("weakness", protection.weakness());
        return "console/audit-chains";
    }

    /** Walks every chain and checks every checkpoint now, instead of waiting for the next full turn. */
    @PostMapping(PATH + "/verify")
    String verify(RedirectAttributes redirect) {
        verification.verifyFully();
        redirect.addFlashAttribute("verified", true);
        return "redirect:" + PATH;
    }

    /** A checkpoint as its file holds it (the compact JWS), to check with the published key. */
    @GetMapping(PATH + "/checkpoints/{fileName}")
    ResponseEntity<String> download(@PathVariable String fileName) {
        return checkpoints.download(fileName).map(jws -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jose"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(jws + "\n")).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
