package jp.demofintech.kakeibo.bank;

import java.io.Serializable;
import java.net.URI;

/**
 * An authorization request sent to the bank and not yet answered, kept in the customer's session until the bank
 * redirects back: what the answer must match (state, nonce) and what redeeming the code needs (PKCE verifier, the
 * DPoP key whose thumbprint was sent as {@code dpop_jkt}).
 *
 * @param bankUrl where to send the customer's browser (the bank's authorization endpoint with the PAR request_uri)
 */
public record PendingAuthorization(String state, String nonce, String codeVerifier, String dpopKey, URI bankUrl)
        implements Serializable {

    @Override
    public String toString() {
        return "PendingAuthorization[state=" + state + "]"; // never the verifier or the key in logs
    }
}
