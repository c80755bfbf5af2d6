package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.ApiClient.Response;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI 3.1 document the platform serves describes what the platform really answers: every {@code /v1}
 * endpoint is in it, and real responses of the running platform (successes and each kind of refusal) validate against
 * the schema the document gives for that operation and status, with the OpenAPI 3.1 dialect of JSON Schema 2020-12.
 * The schemas forbid unknown properties, so a field added or renamed on one side only fails here.
 */
class OpenApiContractTest {

    private static final String DOCUMENT_URI = "https://kakehashi.test/openapi.json";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String YAMADA_MAIN = "001011234567";

    private final RunningPlatform platform = RunningPlatform.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void documentWhenServedThenOpenApi31WithThisDeploymentsIssuerAndSecuritySchemes() throws Exception {
        Response response = ApiClient.getPublic(platform, "/v1/openapi.yaml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/yaml");
        JsonNode document = new YAMLMapper().readTree(response.body());
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo(platform.issuer().toString());
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("dpop").path("scheme").asString()).isEqualTo("DPoP");
        String discovery = schemes.path("kakehashi").path("openIdConnectUrl").asString();
        assertThat(discovery).isEqualTo(platform.issuer() + "/.well-known/openid-configuration");
        Response metadata = ApiClient.getPublic(platform, "/.well-known/openid-configuration");
        assertThat(metadata.json()).containsEntry("issuer", platform.issuer().toString());
    }

    @Test
    void documentWhenComparedWithThePlatformsMappingsThenEveryV1EndpointIsDescribed() throws Exception {
        JsonNode paths = document().path("paths");
        List<String> served = platform.bean(RequestMappingHandlerMapping.class).getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/v1/") && !pattern.equals("/v1/**")).distinct().toList();

        assertThat(served).contains("/v1/accounts", "/v1/branches");
        assertThat(served).allSatisfy(pattern -> assertThat(paths.has(pattern)).as(pattern).isTrue());
    }

    @Test
    void responsesWhenReadsSucceedThenTheyMatchTheDocumentedSchemas() throws Exception {
        ApiClient client = new ApiClient(platform, Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts", "balances", "transactions")), "yamada", "openid",
                "accounts", "balances", "transactions"));
        String from = LocalDate.now(TOKYO).minusMonths(6).toString();
        List<String> violations = new ArrayList<>();

        check(violations, "/v1/accounts", client.get("/v1/accounts"));
        check(violations, "/v1/accounts/{accountId}/balances", client.get("/v1/accounts/" + YAMADA_MAIN + "/balances"));
        Response history = client.get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateFrom=" + from);
        assertThat(history.json().get("transactions")).asList().isNotEmpty();
        check(violations, "/v1/accounts/{accountId}/transactions", history);
        check(violations, "/v1/branches", ApiClient.getPublic(platform, "/v1/branches"));
        check(violations, "/v1/atms", ApiClient.getPublic(platform, "/v1/atms"));

        assertThat(violations).isEmpty();
    }

    @Test
    void responsesWhenRequestsAreRefusedThenTheyMatchTheDocumentedErrorResponses() throws Exception {
        ApiClient client = new ApiClient(platform, Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts", "transactions")), "yamada", "openid", "accounts",
                "transactions"));
        String transactions = "/v1/accounts/{accountId}/transactions";
        List<String> violations = new ArrayList<>();

        check(violations, transactions, client.get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateFrom=x"));
        check(violations, transactions, client.get("/v1/accounts/" + YAMADA_MAIN + "/transactions?dateFrom="
                + LocalDate.now(TOKYO).minusYears(5)));
        check(violations, transactions, client.get("/v1/accounts/101017654321/transactions"));
        check(violations, "/v1/accounts/{accountId}/balances", client.get("/v1/accounts/" + YAMADA_MAIN
                + "/balances"));
        check(violations, "/v1/accounts", ApiClient.getPublic(platform, "/v1/accounts"));
        check(violations, "/v1/accounts", client.getAsBearer("/v1/accounts"));

        assertThat(violations).isEmpty();
    }

    @Test
    void responsesWhenTransfersAreMadeListedAndCancelledThenTheyMatchTheDocumentedSchemas() throws Exception {
        ApiClient client = new ApiClient(platform, TransferApiTest.withFreshCode(() -> Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts", "transfers")), "yamada", "openid", "accounts",
                "transfers")));
        String later = jp.kakehashi.banking.transfer.rules.BankCalendar.standard()
                .onOrAfter(LocalDate.now(TOKYO).plusDays(7)).toString();
        List<String> violations = new ArrayList<>();

        check(violations, "post", "/v1/transfers/fee", client.post("/v1/transfers/fee", transfer(null, "500")));
        Response now = client.post("/v1/transfers", transfer(null, "500"), "Idempotency-Key", UUID.randomUUID().toString());
        check(violations, "post", "/v1/transfers", now);
        Response scheduled = client.post("/v1/transfers", transfer(later, "600"), "Idempotency-Key",
                UUID.randomUUID().toString());
        check(violations, "post", "/v1/transfers", scheduled);
        String scheduledNo = (String) scheduled.json().get("applyNo");
        check(violations, "post", "/v1/transfers/{applyNo}/cancel",
                client.post("/v1/transfers/" + scheduledNo + "/cancel", ""));
        check(violations, "post", "/v1/transfers/{applyNo}/cancel",
                client.post("/v1/transfers/" + now.json().get("applyNo") + "/cancel", ""));
        check(violations, "get", "/v1/transfers/{applyNo}", client.get("/v1/transfers/" + scheduledNo));
        check(violations, "get", "/v1/transfers", client.get("/v1/transfers"));
        check(violations, "post", "/v1/transfers", client.post("/v1/transfers", transfer(null, "1.5"),
                "Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(violations).isEmpty();
    }

    /** A free transfer to Yamada's own savings account, on {@code date} (null: today). */
    private static String transfer(String date, String amount) {
        String dateField = date == null ? "" : "\"transferDesignatedDate\":\"" + date + "\",";
        return "{\"accountId\":\"" + YAMADA_MAIN + "\"," + dateField + "\"totalCount\":\"1\",\"totalAmount\":\""
                + amount + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + amount
                + "\",\"beneficiaryBankCode\":\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"4\","
                + "\"accountNumber\":\"2345678\",\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}";
    }

    /**
     * Validates the body of a real response against the schema the document gives for the operation and status;
     * a status the operation does not document is a violation too.
     */
    private void check(List<String> violations, String path, Response response) throws Exception {
        check(violations, "get", path, response);
    }

    private void check(List<String> violations, String method, String path, Response response) throws Exception {
        JsonNode operation = document().path("paths").path(path).path(method);
        JsonNode described = resolve(operation.path("responses").path(Integer.toString(response.status())));
        if (described.isMissingNode()) {
            violations.add(method + " " + path + " answered " + response.status()
                    + ", which the document does not describe");
            return;
        }
        JsonNode schema = described.path("content").path("application/json").path("schema");
        String pointer = schema.path("$ref").asString();
        Schema validator = registry().getSchema(SchemaLocation.of(DOCUMENT_URI + pointer));
        List<Error> errors = validator.validate(json.readTree(response.body()));
        errors.forEach(e -> violations.add(method + " " + path + " " + response.status() + ": " + e + " in "
                + response.body()));
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            JsonNode target = document();
            for (String part : node.path("$ref").asString().substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    private JsonNode documentNode;
    private SchemaRegistry registryInstance;

    private JsonNode document() {
        if (documentNode == null) {
            try {
                documentNode = new YAMLMapper().readTree(ApiClient.getPublic(platform, "/v1/openapi.yaml").body());
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return documentNode;
    }

    private SchemaRegistry registry() {
        if (registryInstance == null) {
            String document = json.writeValueAsString(document());
            registryInstance = SchemaRegistry.withDialect(OpenApi31.getInstance(),
                    builder -> builder.schemas(Map.of(DOCUMENT_URI, document)));
        }
        return registryInstance;
    }
}
