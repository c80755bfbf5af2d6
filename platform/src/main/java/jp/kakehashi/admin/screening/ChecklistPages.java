package jp.kakehashi.admin.screening;

import java.util.Optional;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.tpp.screening.ChecklistChange;
import jp.kakehashi.tpp.screening.ChecklistChanges;
import jp.kakehashi.tpp.screening.Checklist;
import jp.kakehashi.tpp.screening.ItemText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screening checklist in the console (A2): the current items, the proposals waiting for an approver and what
 * became of earlier ones; a reviewer proposes adding, changing or retiring a bank-specific item.
 */
@Controller
class ChecklistPages {

    private final Checklist checklist;
    private final ChecklistChanges changes;
    private final ScreeningRequests filing;
    private final StaffRequests requests;

    ChecklistPages(Checklist checklist, ChecklistChanges changes, ScreeningRequests filing, StaffRequests requests) {
        this.checklist = checklist;
        this.changes = changes;
        this.filing = filing;
        this.requests = requests;
    }

    @GetMapping("/console/screening/checklist")
    String show(Model model) {
        model.addAttribute("items", checklist.current());
        model.addAttribute("history", changes.history());
        model.addAttribute("kinds", ChecklistChange.Kind.values());
        model.addAttribute("waiting", requests.pending().stream()
                .filter(request -> request.kind().equals(ChecklistChangeAction.KIND)).toList());
        if (!model.containsAttribute("proposal")) {
            model.addAttribute("proposal", new Proposal());
        }
        return "console/screening/checklist";
    }

    @PostMapping("/console/screening/checklist/changes")
    String propose(@ModelAttribute Proposal proposal, RedirectAttributes redirect) {
        Optional<String> problem = filing.proposeChange(StaffAuthentication.current().orElseThrow(),
                proposal.getKind(), proposal.getCode(), proposal.getKind() == ChecklistChange.Kind.RETIRE ? null
                        : proposal.isMandatory(), new ItemText(proposal.getTitleJa(), proposal.getTitleEn(),
                        proposal.getQuestionJa(), proposal.getQuestionEn()), proposal.getReason());
        if (problem.isPresent()) {
            redirect.addFlashAttribute("error", problem.get());
            redirect.addFlashAttribute("proposal", proposal);
            return "redirect:/console/screening/checklist#propose";
        }
        redirect.addFlashAttribute("done", "proposed");
        return "redirect:/console/screening/checklist";
    }

    /** The proposal form as typed; shown again when refused. */
    public static class Proposal implements java.io.Serializable {
        private ChecklistChange.Kind kind = ChecklistChange.Kind.ADD;
        private String code;
        private boolean mandatory;
        private String titleJa;
        private String titleEn;
        private String questionJa;
        private String questionEn;
        private String reason;

        public ChecklistChange.Kind getKind() { return kind; }
        public void setKind(ChecklistChange.Kind kind) { this.kind = kind; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public boolean isMandatory() { return mandatory; }
        public void setMandatory(boolean mandatory) { this.mandatory = mandatory; }
        public String getTitleJa() { return titleJa; }
        public void setTitleJa(String titleJa) { this.titleJa = titleJa; }
        public String getTitleEn() { return titleEn; }
        public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
        public String getQuestionJa() { return questionJa; }
        public void setQuestionJa(String questionJa) { this.questionJa = questionJa; }
        public String getQuestionEn() { return questionEn; }
        public void setQuestionEn(String questionEn) { this.questionEn = questionEn; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }
}
