package jp.kakehashi.authorization;

import jp.kakehashi.authorization.customer.PasswordAuthenticationProvider;
import jp.kakehashi.authorization.web.StepUpRequired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The customer screens' chain (B2, D1): the bank's sign-in, the consent screen and the connected services page.
 * Form sign-in with the bank's own credentials, CSRF protection, and sign-out.
 */
@Configuration(proxyBeanMethods = false)
class CustomerScreensSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain customerScreensChain(HttpSecurity http, PasswordAuthenticationProvider passwords)
            throws Exception {
        http.authenticationProvider(passwords)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/images/**", "/error", "/favicon.ico",
                                "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().hasRole("CUSTOMER"))
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error")
                        .defaultSuccessUrl("/connected-services"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** The DPoP nonce filter runs inside the authorization server's chain only. */
    @Bean
    FilterRegistrationBean<jp.kakehashi.authorization.fapi.DpopNonces> dpopNoncesNotAServletFilter(
            jp.kakehashi.authorization.fapi.DpopNonces filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** The step-up filter runs inside the authorization server's chain only, never as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<StepUpRequired> stepUpNotAServletFilter(StepUpRequired filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
