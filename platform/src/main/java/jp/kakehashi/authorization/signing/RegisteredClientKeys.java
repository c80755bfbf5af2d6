package jp.kakehashi.authorization.signing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import jp.kakehashi.authorization.client.TppRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The public keys a client registered, by value ({@code jwks}) or by reference ({@code jwks_uri}), the same keys
 * its {@code private_key_jwt} assertions are verified with.
 */
final class RegisteredClientKeys {

    private RegisteredClientKeys() {
    }

    /** The client's keys, or empty if it registered none or they cannot be read. */
    static Optional<JWKSource<SecurityContext>> of(RegisteredClient client) {
        String jwks = client.getClientSettings().getSetting(TppRegisteredClientRepository.JWKS_SETTING);
        try {
            if (jwks != null) {
                return Optional.of(new ImmutableJWKSet<>(JWKSet.parse(jwks)));
            }
            String url = client.getClientSettings().getJwkSetUrl();
            return url == null ? Optional.empty()
                    : Optional.of(JWKSourceBuilder.create(URI.create(url).toURL()).build());
        }
        catch (ParseException | MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
