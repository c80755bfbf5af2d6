package jp.kakehashi.banking.web;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other {@code /v1} path or method: answered with the API's own {@code NOT_FOUND} body rather than the servlet
 * container's error page, so a TPP can parse every answer of the API the same way. Specific mappings win over it.
 */
@RestController
class UnknownResources {

    @RequestMapping("/v1/**")
    void unknown() {
        throw ApiException.notFound();
    }
}
