package jp.kakehashi.tpp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain of TPP-facing registry endpoints (dynamic client registration): no session, no CSRF (no cookies are
 * involved), authenticated by the bank-issued initial access token in the endpoint itself.
 */
@Configuration(proxyBeanMethods = false)
class TppApiSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain tppApiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/connect/register")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
