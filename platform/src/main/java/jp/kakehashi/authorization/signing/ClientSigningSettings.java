package jp.kakehashi.authorization.signing;

import jp.kakehashi.tpp.ClientMessageSigning;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Carries a client's {@link ClientMessageSigning} in Spring's {@link ClientSettings}, as plain values, so every part
 * of the authorization server that holds a {@link RegisteredClient} can read it.
 */
public final class ClientSigningSettings {

    private static final String REQUIRE_SIGNED_REQUEST_OBJECT = "kakehashi.client.require-signed-request-object";
    private static final String REQUEST_OBJECT_SIGNING_ALG = "kakehashi.client.request-object-signing-alg";
    private static final String AUTHORIZATION_SIGNED_RESPONSE_ALG = "kakehashi.client.authorization-signed-response-alg";
    private static final String INTROSPECTION_SIGNED_RESPONSE_ALG = "kakehashi.client.introspection-signed-response-alg";

    private ClientSigningSettings() {
    }

    /** Adds what the client registered to the settings being built. */
    public static ClientSettings.Builder apply(ClientSettings.Builder settings, ClientMessageSigning signing) {
        settings.setting(REQUIRE_SIGNED_REQUEST_OBJECT, signing.requireSignedRequestObject());
        if (signing.requestObjectSigningAlg() != null) {
            settings.setting(REQUEST_OBJECT_SIGNING_ALG, signing.requestObjectSigningAlg());
        }
        if (signing.authorizationSignedResponseAlg() != null) {
            settings.setting(AUTHORIZATION_SIGNED_RESPONSE_ALG, signing.authorizationSignedResponseAlg());
        }
        if (signing.introspectionSignedResponseAlg() != null) {
            settings.setting(INTROSPECTION_SIGNED_RESPONSE_ALG, signing.introspectionSignedResponseAlg());
        }
        return settings;
    }

    /** What the client registered; {@link ClientMessageSigning#NONE} for a client built elsewhere. */
    public static ClientMessageSigning of(RegisteredClient client) {
        ClientSettings settings = client.getClientSettings();
        return new ClientMessageSigning(Boolean.TRUE.equals(settings.getSetting(REQUIRE_SIGNED_REQUEST_OBJECT)),
                settings.getSetting(REQUEST_OBJECT_SIGNING_ALG), settings.getSetting(AUTHORIZATION_SIGNED_RESPONSE_ALG),
                settings.getSetting(INTROSPECTION_SIGNED_RESPONSE_ALG));
    }
}
