package jp.kakehashi.audit.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The checkpoint key set is open to anyone, without a session: it is a public key. */
@Configuration(proxyBeanMethods = false)
class CheckpointKeysSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain checkpointKeysChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(CheckpointKeys.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
