package jp.kakehashi.admin;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a staff session keeps its security context and CSRF token: session attributes of their own, so a customer
 * signing in or out in the same browser neither sees nor clears the staff sign-in (and the other way round).
 */
final class StaffSessions {

    static final HttpSessionSecurityContextRepository CONTEXTS = contexts();
    static final HttpSessionCsrfTokenRepository CSRF_TOKENS = csrfTokens();

    private StaffSessions() {
    }

    private static HttpSessionSecurityContextRepository contexts() {
        var repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey("KAKEHASHI_STAFF_SECURITY_CONTEXT");
        return repository;
    }

    private static HttpSessionCsrfTokenRepository csrfTokens() {
        var repository = new HttpSessionCsrfTokenRepository();
        repository.setSessionAttributeName("KAKEHASHI_STAFF_CSRF_TOKEN");
        return repository;
    }
}
