package jp.kakehashi.authorization.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The bank's inquiry and complaint page (D4), linked from the consent screen as the bank's contact point; open to
 * everyone, signed in or not.
 */
@Controller
class HelpController {

    @GetMapping("/help")
    String help() {
        return "help";
    }
}
