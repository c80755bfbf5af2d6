package jp.kakehashi.notification.delivery;

/** The outcome of registering a TPP's endpoints: registered, or a closed reason why not. */
public sealed interface EndpointRegistration {

    record Registered(TppEndpoint endpoint) implements EndpointRegistration {
    }

    record Refused(Refusal refusal) implements EndpointRegistration {
    }

    /** Why endpoints were refused. */
    enum Refusal {
        /** Not an absolute URL with a host. */
        INVALID_URL,
        /** Not https (B11): notices name the TPP's customers' incidents and must not travel in the clear. */
        NOT_HTTPS,
        /** The host is the bank's own or another non-public address (loopback, private, metadata): SSRF. */
        NOT_PUBLIC
    }
}
