package jp.kakehashi.incidentdesk;

import java.security.Principal;
import java.util.Map;
import jp.kakehashi.availability.Announcement;
import jp.kakehashi.availability.ServiceStop;
import jp.kakehashi.availability.ServiceStops;
import jp.kakehashi.availability.StoppedApi;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentKind;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.incident.Reporting;
import jp.kakehashi.incident.Severity;
import jp.kakehashi.notification.delivery.EndpointRegistration;
import jp.kakehashi.notification.delivery.TppEndpoints;
import jp.kakehashi.notification.webhook.TppNotices;
import jp.kakehashi.portal.PortalAccounts;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The TPP's incident page in the portal (C6, E1, E6, A6): report an incident or an outage to the bank at once,
 * announce a stop of its own service, register where it takes the bank's notices and security events, and read
 * every notice the bank sent it, the incidents concerning it and the bank's coming stops. Only an account that
 * applied for the TPP reaches it.
 */
@Controller
class PortalIncidentPages {

    private final PortalAccounts accounts;
    private final Incidents incidents;
    private final ServiceStops stops;
    private final TppEndpoints endpoints;
    private final TppNotices notices;
    private final Tpps tpps;

    PortalIncidentPages(PortalAccounts accounts, Incidents incidents, ServiceStops stops, TppEndpoints endpoints,
            TppNotices notices, Tpps tpps) {
        this.tpps = tpps;
        this.accounts = accounts;
        this.incidents = incidents;
        this.stops = stops;
        this.endpoints = endpoints;
        this.notices = notices;
    }

    @GetMapping("/portal/incidents/{tppId}")
    String page(@PathVariable String tppId, Principal account, Model model) {
        owned(tppId, account);
        var endpoint = endpoints.of(tppId);
        return page(tppId, model, IncidentForm.empty(), StopForm.empty(), endpoint.map(e -> e.webhookUrl()).orElse(""),
                endpoint.map(e -> e.securityEventUrl()).orElse(""), Map.of());
    }

    @PostMapping("/portal/incidents/{tppId}/report")
    String report(@PathVariable String tppId, @ModelAttribute IncidentForm typed, Principal account, Model model) {
        owned(tppId, account);
        var form = new IncidentForm(tppId, typed.kind(), typed.severity(), typed.title(), typed.description(),
                typed.beganAt());
        Map<String, String> errors = form.errors();
        if (errors.isEmpty()) {
            var reported = incidents.report(form.report(Incident.Reporter.TPP, "tpp:" + account.getName()));
            if (reported instanceof Reporting.Recorded) {
                return "redirect:/portal/incidents/" + tppId + "?done=reported";
            }
            errors = Map.of("report", "incidents.form.refusal." + ((Reporting.Refused) reported).refusal().name());
        }
        return page(tppId, model, form, StopForm.empty(), "", "", errors);
    }

    @PostMapping("/portal/incidents/{tppId}/stops")
    String announce(@PathVariable String tppId, @ModelAttribute StopForm form, Principal account, Model model) {
        owned(tppId, account);
        Map<String, String> errors = form.errors();
        if (errors.isEmpty()) {
            var announced = stops.announce(form.announcement(tppId, "tpp:" + account.getName()));
            if (announced instanceof Announcement.Announced) {
                return "redirect:/portal/incidents/" + tppId + "?done=announced";
            }
            errors = Map.of("stop", "incidents.stop.Refusal." + ((Announcement.Refused) announced).refusal().name());
        }
        return page(tppId, model, IncidentForm.empty(), form, "", "", errors);
    }

    @PostMapping("/portal/incidents/{tppId}/endpoints")
    String register(@PathVariable String tppId, @RequestParam String webhookUrl,
            @RequestParam(required = false) String securityEventUrl, Principal account, Model model) {
        owned(tppId, account);
        if (!tpps.find(tppId).map(tpp -> tpp.status().screened()).orElse(false)) {
            // an applicant nobody screened yet must not point the bank's server anywhere
            return page(tppId, model, IncidentForm.empty(), StopForm.empty(), webhookUrl, securityEventUrl,
                    Map.of("endpoints", "incidents.endpoint.Refusal.NOT_APPROVED"));
        }
        var registered = endpoints.register(tppId, webhookUrl, securityEventUrl, "tpp:" + account.getName());
        if (registered instanceof EndpointRegistration.Registered) {
            return "redirect:/portal/incidents/" + tppId + "?done=registered";
        }
        return page(tppId, model, IncidentForm.empty(), StopForm.empty(), webhookUrl, securityEventUrl,
                Map.of("endpoints", "incidents.endpoint.Refusal."
                        + ((EndpointRegistration.Refused) registered).refusal().name()));
    }

    private String page(String tppId, Model model, IncidentForm incident, StopForm stop, String webhookUrl,
            String securityEventUrl, Map<String, String> errors) {
        model.addAttribute("tppId", tppId);
        model.addAttribute("notices", notices.of(tppId));
        model.addAttribute("incidents", incidents.ofTpp(tppId));
        model.addAttribute("bankStops", stops.upcoming().stream()
                .filter(s -> s.side() == ServiceStop.Side.BANK && s.cancelledAt() == null).toList());
        model.addAttribute("ownStops", stops.ofTpp(tppId));
        model.addAttribute("form", incident);
        model.addAttribute("stopForm", stop);
        model.addAttribute("webhookUrl", webhookUrl);
        model.addAttribute("securityEventUrl", securityEventUrl == null ? "" : securityEventUrl);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("apis", StoppedApi.values());
        return "portal/incidents";
    }

    private void owned(String tppId, Principal account) {
        if (account == null || !accounts.owns(account.getName(), tppId)) {
            // the same answer for another's TPP and for none: nothing to learn from probing ids
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
