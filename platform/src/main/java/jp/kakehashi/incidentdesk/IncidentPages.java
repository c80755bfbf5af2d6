package jp.kakehashi.incidentdesk;

import java.util.Map;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentEntry;
import jp.kakehashi.incident.IncidentKind;
import jp.kakehashi.incident.IncidentStatus;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.incident.Reporting;
import jp.kakehashi.incident.Severity;
import jp.kakehashi.notification.delivery.OutboundDeliveries;
import jp.kakehashi.notification.delivery.TppEndpoints;
import jp.kakehashi.notification.mail.CustomerWarnings;
import jp.kakehashi.notification.secevent.ReceivedSecurityEvents;
import jp.kakehashi.tpp.TppApplications;
import jp.kakehashi.tpp.Tpps;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's incident pages (C6, E1, E2, F3): the list with the form to record one and the security events other
 * banks sent; an incident's page with its timeline, the TPP's incident contacts, the affected customers, who was
 * warned, and what was delivered to the TPP.
 */
@Controller
class IncidentPages {

    private final Incidents incidents;
    private final Tpps tpps;
    private final TppApplications applications;
    private final CustomerWarnings warnings;
    private final OutboundDeliveries deliveries;
    private final ReceivedSecurityEvents received;
    private final TppEndpoints endpoints;

    IncidentPages(Incidents incidents, Tpps tpps, TppApplications applications, CustomerWarnings warnings,
            OutboundDeliveries deliveries, ReceivedSecurityEvents received, TppEndpoints endpoints) {
        this.incidents = incidents;
        this.tpps = tpps;
        this.applications = applications;
        this.warnings = warnings;
        this.deliveries = deliveries;
        this.received = received;
        this.endpoints = endpoints;
    }

    @GetMapping("/console/incidents")
    String list(Model model) {
        return list(model, IncidentForm.empty(), Map.of());
    }

    @PostMapping("/console/incidents")
    String report(@ModelAttribute IncidentForm form, Model model) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return list(model, form, errors);
        }
        return switch (incidents.report(form.report(Incident.Reporter.BANK, staff().id()))) {
            case Reporting.Recorded recorded -> "redirect:/console/incidents/" + recorded.incident().id() + "?done=reported";
            case Reporting.Refused refused -> list(model, form,
                    Map.of("form", "incidents.form.refusal." + refused.refusal().name()));
        };
    }

    @GetMapping("/console/incidents/{id}")
    String incident(@PathVariable String id, Model model) {
        Incident incident = incidents.find(id).orElse(null);
        if (incident == null) {
            return "redirect:/console/incidents?unknown";
        }
        model.addAttribute("incident", incident);
        model.addAttribute("tpp", tpps.find(incident.tppId()).orElse(null));
        model.addAttribute("contacts", applications.find(incident.tppId())
                .map(application -> application.incidentContacts()).orElse(java.util.List.of()));
        model.addAttribute("endpoint", endpoints.of(incident.tppId()).orElse(null));
        model.addAttribute("timeline", incidents.timeline(id));
        model.addAttribute("affected", incidents.affectedCustomers(id));
        model.addAttribute("warnings", warnings.of(id));
        model.addAttribute("deliveries", deliveries.to(incident.tppId()));
        model.addAttribute("statuses", incident.status() == IncidentStatus.CLOSED ? java.util.List.of()
                : java.util.Arrays.stream(IncidentStatus.values()).filter(s -> s != incident.status()).toList());
        model.addAttribute("entryKinds", java.util.List.of(IncidentEntry.Kind.NOTE, IncidentEntry.Kind.TPP_CONTACTED));
        return "console/incident";
    }

    @PostMapping("/console/incidents/{id}/notes")
    String note(@PathVariable String id, @RequestParam String kind, @RequestParam String text,
            RedirectAttributes redirect) {
        IncidentEntry.Kind entry = IncidentForm.parse(IncidentEntry.Kind.class, kind);
        boolean written = entry != null && incidents.note(id, entry, text, staff().id());
        return back(id, redirect, written ? "noted" : null, written ? null : "note", text);
    }

    @PostMapping("/console/incidents/{id}/status")
    String move(@PathVariable String id, @RequestParam String status, @RequestParam String note,
            RedirectAttributes redirect) {
        IncidentStatus to = IncidentForm.parse(IncidentStatus.class, status);
        boolean moved = to != null && incidents.move(id, to, note, staff().id());
        return back(id, redirect, moved ? "moved" : null, moved ? null : "status", note);
    }

    @PostMapping("/console/incidents/{id}/warnings")
    String warn(@PathVariable String id, RedirectAttributes redirect) {
        int warned = incidents.warnAffectedCustomers(id, staff().id());
        redirect.addFlashAttribute("warned", warned);
        return back(id, redirect, warned > 0 ? "warned" : null, warned > 0 ? null : "nobody", null);
    }

    private String back(String id, RedirectAttributes redirect, String done, String error, String typed) {
        if (done != null) {
            redirect.addAttribute("done", done);
        }
        if (error != null) {
            redirect.addFlashAttribute("error", error);
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:/console/incidents/" + id;
    }

    private String list(Model model, IncidentForm form, Map<String, String> errors) {
        model.addAttribute("incidents", incidents.all());
        model.addAttribute("tpps", tpps.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("received", received.latest(20));
        return "console/incidents";
    }

    private static StaffMember staff() {
        return StaffAuthentication.current().orElseThrow();
    }
}
