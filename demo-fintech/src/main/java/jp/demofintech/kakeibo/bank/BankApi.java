package jp.demofintech.kakeibo.bank;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's read API (参照系) as the app calls it: each call with the connection's DPoP-bound access token and a
 * fresh proof ({@code ath}), FAPI headers for the bank's risk checks, and a refresh when the token has expired.
 * Error answers ({@code errorCode}, {@code errorMessage}) become {@link BankProblem}s.
 */
@Component
public class BankApi {

    private static final Logger log = LoggerFactory.getLogger(BankApi.class);
    /** Refreshed a little before expiry, so a token does not run out between the check and the bank. */
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    /** RFC 9110 IMF-fixdate; not RFC_1123_DATE_TIME, which writes days below 10 with one digit. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            java.util.Locale.US);

    private final Bank bank;
    private final BankConnector connector;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    BankApi(Bank bank, BankConnector connector) {
        this.bank = bank;
        this.connector = connector;
    }

    public AccountList accounts(BankConnection connection, CustomerContext customer) {
        return get(connection, customer, "/v1/accounts", Map.of(), AccountList.class);
    }

    public AccountBalance balance(BankConnection connection, CustomerContext customer, String accountId) {
        return get(connection, customer, "/v1/accounts/" + segment(accountId) + "/balances", Map.of(),
                AccountBalance.class);
    }

    /** A page of history from {@code from} to {@code to}; {@code nextItemKey} null for the first page. */
    public TransactionHistory transactions(BankConnection connection, CustomerContext customer, String accountId,
            LocalDate from, LocalDate to, String nextItemKey) {
        var query = new java.util.LinkedHashMap<String, String>();
        query.put("dateFrom", from.toString());
        query.put("dateTo", to.toString());
        if (nextItemKey != null && !nextItemKey.isBlank()) {
            query.put("nextItemKey", nextItemKey);
        }
        return get(connection, customer, "/v1/accounts/" + segment(accountId) + "/transactions", query,
                TransactionHistory.class);
    }

    private <T> T get(BankConnection connection, CustomerContext customer, String path, Map<String, String> query,
            Class<T> type) {
        URI uri = uri(path, query);
        connector.refreshIfExpiring(connection, REFRESH_MARGIN);
        HTTPResponse response = call(connection, customer, uri);
        if (response.getStatusCode() == 401) {
            // the bank may end a token early (e.g. one token revoked); a refresh tells whether the grant still lives
            connector.refresh(connection);
            response = call(connection, customer, uri);
        }
        String interactionId = response.getHeaderValue("x-fapi-interaction-id");
        if (!response.indicatesSuccess()) {
            throw problem(response, interactionId);
        }
        try {
            return json.readValue(response.getContent(), type);
        }
        catch (JacksonException e) {
            throw BankProblem.api(response.getStatusCode(), "UNREADABLE_RESPONSE",
                    "the bank's answer cannot be read: " + e.getOriginalMessage(), interactionId);
        }
    }

    private HTTPResponse call(BankConnection connection, CustomerContext customer, URI uri) {
        DPoPAccessToken token = connection.accessToken();
        String interactionId = UUID.randomUUID().toString();
        HTTPResponse response = bank.sendWithDpop(() -> {
            var request = new HTTPRequest(HTTPRequest.Method.GET, uri);
            request.setAuthorization(token.toAuthorizationHeader());
            request.setAccept("application/json");
            request.setHeader("x-fapi-interaction-id", interactionId);
            if (customer.ipAddress() != null) {
                request.setHeader("x-fapi-customer-ip-address", customer.ipAddress());
            }
            if (customer.userAgent() != null) {
                request.setHeader("x-customer-user-agent", customer.userAgent());
            }
            if (connection.authTime() != null) {
                request.setHeader("x-fapi-auth-date", HTTP_DATE.format(connection.authTime().atOffset(ZoneOffset.UTC)));
            }
            return request;
        }, connection.proofs(), token);
        log.debug("GET {} -> {} (x-fapi-interaction-id {})", uri.getPath(), response.getStatusCode(), interactionId);
        return response;
    }

    private BankProblem problem(HTTPResponse response, String interactionId) {
        String code = null;
        String message = null;
        try {
            var body = json.readTree(response.getContent() == null ? "{}" : response.getContent());
            code = body.path("errorCode").asString(null);
            message = body.path("errorMessage").asString(null);
        }
        catch (JacksonException e) {
            message = response.getContent();
        }
        if (code == null && response.getStatusCode() == 401) {
            code = "INVALID_TOKEN";
        }
        return BankProblem.api(response.getStatusCode(), code, message, interactionId);
    }

    private URI uri(String path, Map<String, String> query) {
        String base = bank.settings().apiBaseUrl().toString().replaceAll("/+$", "");
        StringBuilder uri = new StringBuilder(base).append(path);
        String separator = "?";
        for (var parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return URI.create(uri.toString());
    }

    private static String segment(String accountId) {
        return URLEncoder.encode(accountId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
