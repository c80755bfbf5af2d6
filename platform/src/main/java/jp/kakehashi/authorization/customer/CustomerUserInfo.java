package jp.kakehashi.authorization.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.stereotype.Component;

/** The OIDC userinfo of a customer: only who they are, never account data. */
@Component
public class CustomerUserInfo {

    private final CustomerCredentials credentials;

    CustomerUserInfo(CustomerCredentials credentials) {
        this.credentials = credentials;
    }

    public OidcUserInfo of(String customerId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", customerId);
        credentials.byCustomerId(customerId).ifPresent(c -> claims.put("name", c.displayName()));
        return new OidcUserInfo(claims);
    }
}
