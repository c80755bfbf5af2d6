package jp.kakehashi.authorization.replay;

/**
 * The kinds of one-time JWTs whose {@code jti}s the bank remembers, each a namespace of its own in {@code seen_jti}.
 */
public enum JtiKind {

    /** {@code private_key_jwt} client assertions, at every endpoint that authenticates clients (FAPI 2.0 §5.3.2.1). */
    CLIENT_ASSERTION("client_assertion"),

    /** DPoP proofs, at the token endpoint and at every resource (userinfo, /v1): RFC 9449 §11.1. */
    DPOP_PROOF("dpop"),

    /** Request objects at the PAR endpoint that carry a {@code jti} (RFC 9101 §10.4.1, FAPI 2.0 Message Signing). */
    REQUEST_OBJECT("request_object");

    private final String stored;

    JtiKind(String stored) {
        this.stored = stored;
    }

    /** The value of {@code seen_jti.kind}. */
    String stored() {
        return stored;
    }
}
