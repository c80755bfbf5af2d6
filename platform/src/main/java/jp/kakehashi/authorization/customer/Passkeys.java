package jp.kakehashi.authorization.customer;

import java.net.URI;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The bank as a WebAuthn relying party (B3: passkeys are a second factor, like TOTP). The relying party id is the
 * issuer's host and the only allowed origin is the issuer, so a passkey made here answers no other site (phishing
 * resistance). User verification is required at registration and at every use: the passkey is then something the
 * customer has and something they are or know, which is why a passkey sign-in reaches the MFA level.
 * <p>
 * Credentials are kept in PostgreSQL through Spring Security's JDBC repositories, so every node sees them.
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, @Value("${kakehashi.issuer}") String issuer,
            @Value("${kakehashi.bank.name}") String bankName) {
        var relyingParty = PublicKeyCredentialRpEntity.builder().id(URI.create(issuer).getHost()).name(bankName)
                .build();
        var operations = new Webauthn4JRelyingPartyOperations(users, credentials, relyingParty, Set.of(origin(issuer)));
        operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria
                .builder().userVerification(UserVerificationRequirement.REQUIRED)
                .residentKey(ResidentKeyRequirement.REQUIRED).build()));
        operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }

    /** The issuer's origin: scheme, host and port, without the path a load balancer may add. */
    static String origin(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
