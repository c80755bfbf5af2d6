package jp.demofintech.kakeibo.bank;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The app's connection to one customer's accounts at the bank, kept server-side in the customer's HTTP session
 * (the browser sees only the session cookie): the tokens, the DPoP key they are bound to, and who the customer is
 * at the bank. Access tokens are replaced on refresh, so the token fields are guarded by this object's lock.
 */
public final class BankConnection implements Serializable {

    private final String dpopKey;
    private final String subject;
    private final Instant authTime;
    private final Instant connectedAt;
    private String customerName;
    private String accessToken;
    private Instant accessTokenExpiresAt;
    private String refreshToken;

    BankConnection(String dpopKey, String subject, Instant authTime, Instant connectedAt) {
        this.dpopKey = dpopKey;
        this.subject = subject;
        this.authTime = authTime;
        this.connectedAt = connectedAt;
    }

    /** The customer's id at the bank ({@code sub}). */
    public String subject() {
        return subject;
    }

    /** The customer's name as the bank's userinfo gives it, or null. */
    public String customerName() {
        return customerName;
    }

    void customerName(String name) {
        this.customerName = name;
    }

    /** When the customer last signed in at the bank ({@code auth_time}), or null; sent as {@code x-fapi-auth-date}. */
    public Instant authTime() {
        return authTime;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    synchronized void tokens(DPoPAccessToken access, String refresh, Instant now) {
        this.accessToken = access.getValue();
        // a token without a lifetime is treated as short-lived, so it is refreshed rather than trusted too long
        long lifetime = access.getLifetime() > 0 ? access.getLifetime() : 60;
        this.accessTokenExpiresAt = now.plusSeconds(lifetime);
        if (refresh != null) {
            this.refreshToken = refresh; // the bank may rotate it or keep it; keep the old one if none came
        }
    }

    synchronized DPoPAccessToken accessToken() {
        return new DPoPAccessToken(accessToken);
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    synchronized boolean accessTokenExpiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    synchronized Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    DPoPProofFactory proofs() {
        return proofsFor(dpopKey);
    }

    static DPoPProofFactory proofsFor(String dpopKey) {
        try {
            return new DefaultDPoPProofFactory(ECKey.parse(dpopKey), JWSAlgorithm.ES256);
        }
        catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("the connection's DPoP key is unusable", e);
        }
    }

    @Override
    public String toString() {
        return "BankConnection[subject=" + subject + "]"; // never tokens or keys in logs
    }
}
