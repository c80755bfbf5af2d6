package jp.kakehashi.notification.secevent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain of the Shared Signals endpoints: public (keys and metadata are meant to be fetched by anyone; a pushed
 * token is authenticated by its signature, against the keys of the banks this bank trusts), no session, no CSRF (no
 * cookies are involved).
 */
@Configuration(proxyBeanMethods = false)
class SecurityEventSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain securityEventChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/secevents/**", "/.well-known/ssf-configuration")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
