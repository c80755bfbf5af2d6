package jp.kakehashi.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The application form (A1): a TPP applies to connect and opens its portal account with it. */
@Controller
class ApplicationPages {

    @GetMapping("/portal/apply")
    String form() {
        return "portal/apply";
    }
}
