package jp.kakehashi.authorization;

import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.customer.PasskeyAuthenticationManager;
import jp.kakehashi.authorization.customer.PasswordAuthenticationProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import jp.kakehashi.authorization.web.StepUpRequired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.ui.DefaultResourcesFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * The customer screens' chain (B2, D1): the bank's sign-in, the consent screen and the connected services page.
 * Form sign-in with the bank's own credentials, passkeys (WebAuthn) as sign-in or second factor, CSRF protection,
 * and sign-out.
 */
@Configuration(proxyBeanMethods = false)
class CustomerScreensSecurity {

    /** Customer pages that need a second factor in this session; a customer without one is sent to get it. */
    static final String SECOND_FACTOR_PAGES = "/transfer-confirmations/**";

    @Bean
    @Order(2)
    SecurityFilterChain customerScreensChain(HttpSecurity http, PasswordAuthenticationProvider passwords,
            PasskeyAuthenticationManager passkeys) throws Exception {
        // Spring's WebAuthn configurer insists on a UserDetailsService; ours is never asked, because passkey
        // assertions go to PasskeyAuthenticationManager. It is a shared object, not a bean: a bean would make Boot
        // add a DaoAuthenticationProvider that bypasses the lockout of PasswordAuthenticationProvider.
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("customers sign in through the bank's providers");
        });
        http.authenticationProvider(passwords)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/webauthn.js", "/help", "/css/**", "/js/**", "/images/**",
                                "/error", "/favicon.ico")
                        .permitAll()
                        // a passkey is a second factor: only a customer who has shown one already may add one, so a
                        // stolen password alone cannot mint a lasting MFA credential
                        .requestMatchers(HttpMethod.POST, "/webauthn/register/**", "/webauthn/register")
                        .hasAnyAuthority(CustomerAuthentication.OTP_AUTHORITY, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                        .requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
                        .hasAnyAuthority(CustomerAuthentication.OTP_AUTHORITY, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                        // out-of-band confirmation of transfers (B10): a stolen password alone must not confirm one.
                        // A plain decision, not Spring's factor authorities: those send a missing factor to the sign-in
                        // page, where the bank's step-up is its own second-factor page (SecondFactorFirst)
                        .requestMatchers(SECOND_FACTOR_PAGES).access((authentication, context) ->
                                new AuthorizationDecision(hasSecondFactor(authentication.get())))
                        .anyRequest().hasRole("CUSTOMER"))
                // for these pages only: elsewhere Spring's own handling stays (a missing passkey factor, CSRF)
                .exceptionHandling(exceptions -> {
                    var pages = PathPatternRequestMatcher.withDefaults().matcher(SECOND_FACTOR_PAGES);
                    exceptions.defaultAccessDeniedHandlerFor(new SecondFactorFirst(pages), pages);
                })
                // the relying party (id, origins, user verification) is the bean of customer.Passkeys
                .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(passkeys);
                                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                                return filter;
                            }
                        }))
                .addFilter(DefaultResourcesFilter.webauthn())
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error")
                        .defaultSuccessUrl("/connected-services"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    static boolean hasSecondFactor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(CustomerAuthentication.OTP_AUTHORITY)
                        || a.equals(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
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
