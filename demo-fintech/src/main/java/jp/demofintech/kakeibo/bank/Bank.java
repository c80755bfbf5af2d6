package jp.demofintech.kakeibo.bank;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import jp.demofintech.kakeibo.KakeiboProperties;
import org.springframework.stereotype.Component;

/**
 * The bank as the app reaches it: its metadata discovered from the issuer (OpenID Connect Discovery), HTTPS that
 * trusts only the configured certificates, and DPoP proofs with the server's nonce (RFC 9449 §8).
 *
 * <p>Discovery happens at first use and is retried until it succeeds, so the app can start before the bank.
 */
@Component
public class Bank {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 15_000;

    private final KakeiboProperties.Bank settings;
    /** Per server part (authorization server, API, userinfo), the last DPoP nonce it handed out. */
    private final Map<String, Nonce> nonces = new ConcurrentHashMap<>();
    private volatile Discovered discovered;

    Bank(KakeiboProperties properties) {
        this.settings = properties.bank();
    }

    /** What discovery found: the metadata, the TLS to use and the validator of the bank's ID tokens. */
    record Discovered(OIDCProviderMetadata metadata, SSLSocketFactory tls, IDTokenValidator idTokens) {
    }

    KakeiboProperties.Bank settings() {
        return settings;
    }

    Discovered discovered() {
        Discovered known = discovered;
        if (known == null) {
            synchronized (this) {
                if (discovered == null) {
                    discovered = discover();
                }
                known = discovered;
            }
        }
        return known;
    }

    private Discovered discover() {
        SSLSocketFactory tls = BankTrust.of(settings.trustStore(), settings.trustStorePassword(),
                settings.trustStoreAlias()).getSocketFactory();
        Issuer issuer = new Issuer(settings.issuer());
        try {
            HTTPResponse response = send(new OIDCProviderConfigurationRequest(issuer).toHTTPRequest(), tls);
            if (!response.indicatesSuccess()) {
                throw BankProblem.unavailable("discovery answered HTTP " + response.getStatusCode(), null);
            }
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.getContentAsJSONObject());
            // OIDC Discovery §4.3: metadata naming another issuer must not be used (mix-up defence)
            if (!issuer.equals(metadata.getIssuer())) {
                throw BankProblem.unavailable("the metadata names the issuer " + metadata.getIssuer(), null);
            }
            List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
            JWSAlgorithm algorithm = algorithms == null || algorithms.isEmpty() ? JWSAlgorithm.ES256
                    : algorithms.getFirst();
            var keys = new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, 512 * 1024, true, tls);
            var idTokens = new IDTokenValidator(issuer, new ClientID(settings.clientId()), algorithm,
                    metadata.getJWKSetURI().toURL(), keys);
            return new Discovered(metadata, tls, idTokens);
        }
        catch (IOException e) {
            throw BankProblem.unavailable(e.getMessage(), e);
        }
        catch (ParseException e) {
            throw BankProblem.unavailable("the bank's metadata cannot be read: " + e.getMessage(), e);
        }
    }

    /** Sends {@code request} over the bank's TLS; a network failure is the bank being unavailable. */
    HTTPResponse send(HTTPRequest request) {
        try {
            return send(request, discovered().tls());
        }
        catch (IOException e) {
            throw BankProblem.unavailable(e.getMessage(), e);
        }
    }

    private static HTTPResponse send(HTTPRequest request, SSLSocketFactory tls) throws IOException {
        request.setSSLSocketFactory(tls);
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        return request.send();
    }

    /**
     * Sends a request with a DPoP proof (bound to {@code token} through {@code ath} when given). When the server
     * asks for a nonce ({@code use_dpop_nonce}), the request is built afresh (a new client assertion too, since the
     * bank accepts each only once) and sent again once with the nonce it handed out.
     */
    HTTPResponse sendWithDpop(Supplier<HTTPRequest> requests, DPoPProofFactory proofs, AccessToken token) {
        for (int attempt = 0;; attempt++) {
            HTTPRequest request = requests.get();
            String part = serverPart(request.getURI());
            try {
                request.setDPoP(proofs.createDPoPJWT(request.getMethod().name(), withoutQuery(request.getURI()),
                        token, nonces.get(part)));
            }
            catch (JOSEException e) {
                throw new IllegalStateException("cannot sign a DPoP proof", e);
            }
            HTTPResponse response = send(request);
            String issued = response.getHeaderValue("DPoP-Nonce");
            if (issued != null) {
                nonces.put(part, new Nonce(issued));
            }
            if (attempt > 0 || issued == null || !asksForNonce(response)) {
                return response;
            }
        }
    }

    private static boolean asksForNonce(HTTPResponse response) {
        if (response.getStatusCode() == 401) {
            String challenge = response.getHeaderValue("WWW-Authenticate");
            return challenge != null && challenge.contains("use_dpop_nonce");
        }
        if (response.getStatusCode() == 400) {
            String body = response.getContent();
            return body != null && body.contains("\"use_dpop_nonce\"");
        }
        return false;
    }

    /** RFC 9449 §4.2: {@code htu} is the URI without query and fragment. */
    private static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    /**
     * Nonces are per server (RFC 9449 §8, §9): the authorization server's and the resource server's may differ even
     * on one host, so they are kept per first path segment ({@code /oauth2}, {@code /v1}, {@code /userinfo}).
     */
    private static String serverPart(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        int second = path.indexOf('/', 1);
        return uri.getScheme() + "://" + uri.getAuthority() + (second < 0 ? path : path.substring(0, second));
    }
}
