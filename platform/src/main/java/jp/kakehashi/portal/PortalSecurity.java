package jp.kakehashi.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The developer portal's own chain: form sign-in of portal accounts, CSRF on every form. Its sign-in, saved request
 * and CSRF token live in session attributes of their own, so a TPP developer signed in here is never a customer or a
 * staff member in the same browser, and signing out here leaves those sign-ins alone.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String ROLE = "TPP_PORTAL";
    static final String CONTEXT_ATTRIBUTE = "KAKEHASHI_PORTAL_SECURITY_CONTEXT";

    @Bean
    @Order(1)
    SecurityFilterChain portalChain(HttpSecurity http, PortalAccounts accounts, PasswordEncoder passwords,
            JdbcClient jdbc, Clock clock) throws Exception {
        var contexts = contextRepository();
        var requests = new HttpSessionRequestCache();
        requests.setSessionAttrName("KAKEHASHI_PORTAL_SAVED_REQUEST");
        var csrfTokens = new HttpSessionCsrfTokenRepository();
        csrfTokens.setSessionAttributeName("KAKEHASHI_PORTAL_CSRF_TOKEN");
        // a manager of its own without a parent: a customer's or staff member's credentials never sign in here
        var provider = new PortalPasswords(jdbc, accounts, passwords, clock);
        return http.securityMatcher("/portal/**")
                .authenticationManager(new ProviderManager(List.of(provider)))
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requests))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/portal", "/portal/", "/portal/login", "/portal/apply").permitAll()
                        .anyRequest().hasRole(ROLE))
                .formLogin(form -> form.loginPage("/portal/login").failureHandler(PortalSecurity::refused)
                        .defaultSuccessUrl("/portal/home", true))
                // the session holds other sign-ins too: only the portal's context is cleared
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout")
                        .invalidateHttpSession(false))
                .build();
    }

    /** Where the portal keeps its sign-in: a session attribute of its own. */
    static HttpSessionSecurityContextRepository contextRepository() {
        var contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        return contexts;
    }

    /** A locked account is told so; any other refusal reads the same, whether the address has an account or not. */
    private static void refused(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException refusal) throws IOException {
        response.sendRedirect(request.getContextPath()
                + (refusal instanceof LockedException ? "/portal/login?locked" : "/portal/login?error"));
    }
}
