package jp.kakehashi.admin;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kakehashi.audit.StaffActions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The console's own filter chain (C4): form sign-in at {@code /console/login}, then the TOTP page before anything
 * else, roles per path from the areas' {@link ConsoleAccessRules} beans, CSRF, sign-out, and the staff action log of every
 * sign-in, sign-out and state-changing request; every request is held to the staff account as it is now
 * ({@link StaffSessionCheck}). Ordered before the customer screens' catch-all chain.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String LOGIN = "/console/login";
    static final String SECOND_FACTOR_PAGE = "/console/login/otp";

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, StaffAccounts accounts, List<ConsoleAccessRules> areas,
            StaffActions actions) throws Exception {
        List<ConsoleAccess> rules = ConsoleAccessRules.all(areas);
        http.securityMatcher("/console/**")
                .authenticationProvider(new StaffPasswordProvider(accounts))
                .securityContext(context -> context.securityContextRepository(StaffSessions.CONTEXTS))
                .csrf(csrf -> csrf.csrfTokenRepository(StaffSessions.CSRF_TOKENS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(requests -> authorize(requests, rules))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN))
                        .accessDeniedHandler(ConsoleSecurity::denied))
                .formLogin(form -> form.loginPage(LOGIN)
                        .successHandler((request, response, authentication) -> {
                            actions.record(authentication.getName(), "console.sign-in.password", null, "success",
                                    Map.of());
                            response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PAGE);
                        })
                        .failureHandler((request, response, failure) -> failedSignIn(actions, request, response,
                                failure)))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .invalidateHttpSession(false)
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                actions.record(authentication.getName(), "console.sign-out", null, "success",
                                        Map.of());
                            }
                        }))
                .addFilterAfter(new StaffSessionCheck(accounts, actions), SecurityContextHolderFilter.class)
                .addFilterBefore(new ConsoleActionRecording(actions), ExceptionTranslationFilter.class);
        return http.build();
    }

    /** Least privilege: declared rules, then reading for every staff role, and nothing else. */
    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<ConsoleAccess> rules) {
        String[] everyRole = Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);
        requests.requestMatchers(LOGIN).permitAll();
        requests.requestMatchers(SECOND_FACTOR_PAGE).authenticated();
        ordered(rules).forEach(rule -> requests.requestMatchers(rule.method(), rule.pattern())
                .hasAnyRole(rule.roleNames()));
        requests.requestMatchers(HttpMethod.GET, "/console/**").hasAnyRole(everyRole);
        requests.anyRequest().denyAll();
    }

    /** A password-only session is sent to the second factor; a signed-in staff member beyond their role gets 403. */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof StaffAuthentication staff
                && !staff.hasSecondFactor()) {
            response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PAGE);
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, denied);
    }

    private static void failedSignIn(StaffActions actions, HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String login = String.valueOf(request.getParameter("username"));
        boolean locked = failure instanceof LockedException;
        actions.record("login:" + login, "console.sign-in.password", null, locked ? "locked" : "failure", Map.of());
        response.sendRedirect(request.getContextPath() + LOGIN + (locked ? "?locked" : "?error"));
    }

    /** Method-specific rules first, then longer (more specific) patterns, so a broad rule never shadows a narrow one. */
    static List<ConsoleAccess> ordered(List<ConsoleAccess> rules) {
        return rules.stream().sorted(Comparator.comparing((ConsoleAccess rule) -> rule.method() == null)
                .thenComparing(rule -> -rule.pattern().length())).toList();
    }
}
