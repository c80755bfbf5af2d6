package jp.kakehashi.oversight;

import java.util.List;
import java.util.Map;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.assessment.AssessmentRecord;
import jp.kakehashi.tpp.assessment.AssessmentVerification;
import jp.kakehashi.tpp.assessment.Assessments;
import jp.kakehashi.tpp.assessment.StoredAssessment;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assessments relied on across banks on a TPP's page (共同監査方式, A4, A7): each with its origin and whether its
 * signature verifies today; importing another bank's signed record (refused with the reason when it does not
 * verify); exporting the bank's own result as a signed record.
 */
@Controller
class AssessmentPages {

    private static final int MAX_JWS = 64 * 1024;

    private final Tpps tpps;
    private final Assessments assessments;
    private final TppMonitoring monitoring;

    AssessmentPages(Tpps tpps, Assessments assessments, TppMonitoring monitoring) {
        this.tpps = tpps;
        this.assessments = assessments;
        this.monitoring = monitoring;
    }

    /** An assessment as shown: what is kept, and whether it verifies against the keys trusted today. */
    record Shown(StoredAssessment assessment, boolean verifiesNow) {
    }

    @GetMapping("/console/monitoring/tpps/{tppId}/assessments")
    String page(@PathVariable String tppId, Model model) {
        return show(tppId, model, FormInput.empty(), exportDefaults());
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/assessments/import")
    String importRecord(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        String jws = input.text("jws", true);
        if (jws != null && jws.length() > MAX_JWS) {
            input.problem("jws", "monitoring.assessment.too-long");
        }
        if (!input.valid()) {
            return show(tppId, model, input, exportDefaults());
        }
        var result = assessments.importRecord(tpp(tppId).id(), jws, MonitoringPages.staff());
        if (result instanceof Assessments.Import.Refused(var reason)) {
            input.problem("jws", "monitoring.assessment.refused." + reason.name());
            return show(tppId, model, input, exportDefaults());
        }
        redirect.addFlashAttribute("done", "imported");
        return "redirect:/console/monitoring/tpps/" + tppId + "/assessments";
    }

    @PostMapping("/console/monitoring/tpps/{tppId}/assessments/export")
    String export(@PathVariable String tppId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var input = new FormInput(form);
        var kind = input.choice("kind", AssessmentRecord.Kind.class);
        var assessedOn = input.date("assessedOn");
        var outcome = input.choice("outcome", AssessmentRecord.Outcome.class);
        String summary = input.text("summary", true);
        assessedOn.filter(day -> day.isAfter(monitoring.today()))
                .ifPresent(day -> input.problem("assessedOn", "monitoring.form.future"));
        if (!input.valid()) {
            return show(tppId, model, FormInput.empty(), input);
        }
        var exported = assessments.export(tpp(tppId).id(), kind.orElseThrow(), assessedOn.orElseThrow(),
                outcome.orElseThrow(), summary, MonitoringPages.staff());
        redirect.addFlashAttribute("done", "exported");
        redirect.addFlashAttribute("exportedId", exported.id());
        return "redirect:/console/monitoring/tpps/" + tppId + "/assessments";
    }

    private String show(String tppId, Model model, FormInput importForm, FormInput exportForm) {
        Tpp tpp = tpp(tppId);
        List<Shown> shown = assessments.of(tppId).stream().map(assessment -> new Shown(assessment,
                assessments.verifyAgain(assessment) instanceof AssessmentVerification.Verified)).toList();
        model.addAttribute("tpp", tpp);
        model.addAttribute("assessments", shown);
        model.addAttribute("importForm", importForm);
        model.addAttribute("exportForm", exportForm);
        model.addAttribute("refusedForm", !importForm.valid() || !exportForm.valid());
        return "console/monitoring/assessments";
    }

    private FormInput exportDefaults() {
        return new FormInput(Map.of("assessedOn", monitoring.today().toString()));
    }

    private Tpp tpp(String tppId) {
        return tpps.find(tppId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
