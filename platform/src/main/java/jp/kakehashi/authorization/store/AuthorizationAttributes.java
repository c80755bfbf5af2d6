package jp.kakehashi.authorization.store;

import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Maps the attributes Spring keeps on an authorization to plain JSON and back: the authorization request and the
 * signed-in customer. Anything else is refused, so the store never deserialises arbitrary types.
 */
final class AuthorizationAttributes {

    private static final String REQUEST = OAuth2AuthorizationRequest.class.getName();
    private static final String PRINCIPAL = Principal.class.getName();

    private AuthorizationAttributes() {
    }

    static Map<String, Object> encode(Map<String, Object> attributes) {
        Map<String, Object> encoded = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (value instanceof OAuth2AuthorizationRequest request) {
                encoded.put(name, request(request));
            }
            else if (value instanceof CustomerAuthentication customer) {
                encoded.put(name, customer(customer));
            }
            else {
                encoded.put(name, JsonValues.encode(value));
            }
        });
        return encoded;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> decode(Map<String, Object> stored) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        stored.forEach((name, value) -> {
            if (REQUEST.equals(name)) {
                attributes.put(name, request((Map<String, Object>) value));
            }
            else if (PRINCIPAL.equals(name)) {
                attributes.put(name, customer((Map<String, Object>) value));
            }
            else {
                attributes.put(name, JsonValues.decode(value));
            }
        });
        return attributes;
    }

    private static Map<String, Object> request(OAuth2AuthorizationRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authorizationUri", request.getAuthorizationUri());
        json.put("clientId", request.getClientId());
        json.put("redirectUri", request.getRedirectUri());
        json.put("scopes", List.copyOf(request.getScopes()));
        json.put("state", request.getState());
        json.put("additionalParameters", JsonValues.encode(request.getAdditionalParameters()));
        json.put("attributes", JsonValues.encode(request.getAttributes()));
        json.put("authorizationRequestUri", request.getAuthorizationRequestUri());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static OAuth2AuthorizationRequest request(Map<String, Object> json) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri((String) json.get("authorizationUri"))
                .clientId((String) json.get("clientId"))
                .redirectUri((String) json.get("redirectUri"))
                .scopes(new HashSet<>((List<String>) json.get("scopes")))
                .state((String) json.get("state"))
                .additionalParameters((Map<String, Object>) JsonValues.decode(json.get("additionalParameters")))
                .attributes((Map<String, Object>) JsonValues.decode(json.get("attributes")))
                .authorizationRequestUri((String) json.get("authorizationRequestUri"))
                .build();
    }

    private static Map<String, Object> customer(CustomerAuthentication customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", customer.customerId());
        json.put("loginId", customer.loginId());
        json.put("displayName", customer.displayName());
        json.put("segment", customer.segment());
        json.put("acr", customer.acr().name());
        json.put("amr", customer.amr());
        json.put("authTime", customer.authTime().toEpochMilli());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static CustomerAuthentication customer(Map<String, Object> json) {
        return new CustomerAuthentication((String) json.get("customerId"), (String) json.get("loginId"),
                (String) json.get("displayName"), (String) json.get("segment"),
                AuthenticationLevel.valueOf((String) json.get("acr")), (List<String>) json.get("amr"),
                Instant.ofEpochMilli(((Number) json.get("authTime")).longValue()));
    }
}
