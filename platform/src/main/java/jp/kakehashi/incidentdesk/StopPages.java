package jp.kakehashi.incidentdesk;

import java.util.Map;
import jp.kakehashi.admin.StaffAuthentication;
import jp.kakehashi.availability.Announcement;
import jp.kakehashi.availability.ServiceStops;
import jp.kakehashi.availability.StoppedApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's service stop page (E6, C5): the stops to come or running, the bank's and those TPPs announced for
 * their own services; the form to announce one (planned: the notice period ahead; emergency: with its reason) and
 * to call one off.
 */
@Controller
class StopPages {

    private final ServiceStops stops;

    StopPages(ServiceStops stops) {
        this.stops = stops;
    }

    @GetMapping("/console/stops")
    String list(Model model) {
        return list(model, StopForm.empty(), Map.of());
    }

    @PostMapping("/console/stops")
    String announce(@ModelAttribute StopForm form, Model model) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return list(model, form, errors);
        }
        String staffId = StaffAuthentication.current().orElseThrow().id();
        return switch (stops.announce(form.announcement(null, staffId))) {
            case Announcement.Announced announced -> "redirect:/console/stops?done=announced";
            case Announcement.Refused refused -> list(model, form,
                    Map.of("form", "incidents.stop.Refusal." + refused.refusal().name()));
        };
    }

    @PostMapping("/console/stops/{id}/cancel")
    String cancel(@PathVariable String id) {
        boolean cancelled = stops.cancel(id, StaffAuthentication.current().orElseThrow().id());
        return "redirect:/console/stops?" + (cancelled ? "done=cancelled" : "over");
    }

    private String list(Model model, StopForm form, Map<String, String> errors) {
        model.addAttribute("stops", stops.upcoming());
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("apis", StoppedApi.values());
        model.addAttribute("noticeHours", stops.noticePeriod().toHours());
        return "console/stops";
    }
}
