package jp.kakehashi.runtime;

import jp.kakehashi.shared.ContentSecurityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

/**
 * The Content-Security-Policy on every security chain (customer screens, consent, passkeys, console, portal, the
 * authorization server, the API, the error pages), written once: Spring Security 7 applies a
 * {@code Customizer<HeadersConfigurer<HttpSecurity>>} bean to every {@code HttpSecurity} it builds, so a chain added
 * later gets it without a line of its own. A page that needs more (the consent screen's form target) sets its own
 * header before the answer is committed; Spring's writer then leaves it.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityHeaders {

    @Bean
    Customizer<HeadersConfigurer<HttpSecurity>> contentSecurityPolicy() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY));
    }
}
