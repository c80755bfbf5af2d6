package jp.kakehashi.admin;

import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's layout shows: the signed-in staff member and the menu entries their roles reach. Null
 * and empty outside a staff session, so customer pages are not affected.
 */
@ControllerAdvice
class ConsoleModel {

    private final List<ConsoleLink> links;

    ConsoleModel(List<ConsoleLink> links) {
        this.links = links.stream().sorted(Comparator.comparingInt(ConsoleLink::order)).toList();
    }

    @ModelAttribute("consoleStaff")
    StaffMember staff() {
        return StaffAuthentication.current().orElse(null);
    }

    @ModelAttribute("consoleLinks")
    List<ConsoleLink> links() {
        return StaffAuthentication.current().map(staff -> links.stream().filter(link -> staff.hasAny(link.roles()))
                .toList()).orElse(List.of());
    }
}
