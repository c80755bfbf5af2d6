package jp.kakehashi.portal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.springframework.validation.Errors;

/**
 * The FAPI-relevant parts of an application: redirect URIs are exact https URIs (no patterns, no fragments, FAPI 2.0
 * §5.3.2.2), and the client's key is a public JWK set for {@code private_key_jwt} or a certificate subject for
 * {@code tls_client_auth}.
 */
final class KeyAndRedirectChecks {

    static final int MAX_REDIRECT_URIS = 10;

    private KeyAndRedirectChecks() {
    }

    /** One URI a line; the valid ones, with a problem reported for the field when any line is not. */
    static List<String> redirectUris(String lines, Errors errors) {
        List<String> uris = new ArrayList<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            if (!line.isBlank()) {
                uris.add(line.strip());
            }
        }
        if (uris.isEmpty()) {
            errors.rejectValue("redirectUris", "portal.apply.error.required");
        } else if (uris.size() > MAX_REDIRECT_URIS) {
            errors.rejectValue("redirectUris", "portal.apply.error.redirectCount", new Object[] {MAX_REDIRECT_URIS},
                    null);
        } else {
            uris.stream().filter(uri -> !exactHttps(uri)).findFirst().ifPresent(bad -> errors
                    .rejectValue("redirectUris", "portal.apply.error.redirectUri", new Object[] {bad}, null));
        }
        return uris;
    }

    static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean exactHttps(String value) {
        return isHttpsUrl(value) && !value.contains("*") && !value.contains("#");
    }

    /** The JWK set as the bank stores it (public keys only), or null with the problem reported. */
    static String jwks(String json, Errors errors) {
        if (json == null || json.isBlank()) {
            errors.rejectValue("jwks", "portal.apply.error.required");
            return null;
        }
        try {
            JWKSet set = JWKSet.parse(json.strip());
            if (set.getKeys().isEmpty()) {
                errors.rejectValue("jwks", "portal.apply.error.jwksEmpty");
                return null;
            }
            if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
                // a private key sent to the bank is compromised: say so rather than silently dropping it
                errors.rejectValue("jwks", "portal.apply.error.jwksPrivate");
                return null;
            }
            return set.toString(true);
        } catch (ParseException e) {
            errors.rejectValue("jwks", "portal.apply.error.jwksInvalid");
            return null;
        }
    }

    /** The certificate subject in RFC 2253 form, or null with the problem reported. */
    static String subjectDn(String dn, Errors errors) {
        if (dn == null || dn.isBlank()) {
            errors.rejectValue("certificateSubjectDn", "portal.apply.error.required");
            return null;
        }
        try {
            return new X500Principal(dn.strip()).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
            errors.rejectValue("certificateSubjectDn", "portal.apply.error.dnInvalid");
            return null;
        }
    }
}
