package jp.kakehashi.admin;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's dashboard: what every area says is pending or due for the signed-in staff member, overdue first. */
@Controller
class ConsoleHome {

    private final List<ConsoleDashboardItem> items;

    ConsoleHome(List<ConsoleDashboardItem> items) {
        this.items = items;
    }

    @GetMapping({"/console", "/console/"})
    String dashboard(Model model) {
        StaffMember staff = StaffAuthentication.current().orElseThrow();
        model.addAttribute("entries", items.stream().flatMap(item -> item.entriesFor(staff).stream())
                .sorted(Comparator.comparing(ConsoleDashboardItem.Entry::overdue).reversed()
                        .thenComparing(entry -> entry.due() == null ? java.time.Instant.MAX : entry.due()))
                .toList());
        return "console/dashboard";
    }
}
