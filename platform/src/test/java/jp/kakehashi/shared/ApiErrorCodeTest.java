package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The API's error codes in Java are the OpenAPI document's ({@code components/schemas/ErrorCode}), no more and no
 * fewer, each answered with the status the document gives it wherever it names one.
 */
class ApiErrorCodeTest {

    private static final String DOCUMENT = "openapi/kakehashi-v1.yaml";
    private static final Pattern CODE_IN_TICKS = Pattern.compile("`([A-Z][A-Z_]+)`");
    private static final Pattern STATUS_BEFORE = Pattern.compile("\\b([1-5]\\d\\d) `([A-Z][A-Z_]+)`");
    private static final Pattern STATUS_AFTER = Pattern.compile("`([A-Z][A-Z_]+)` \\(([1-5]\\d\\d)\\)");

    @Test
    void valuesWhenComparedWithTheOpenApiDocumentThenTheSameSetBothWays() throws IOException {
        Set<String> documented = new TreeSet<>(documentedCodes());
        Set<String> inJava = Arrays.stream(ApiErrorCode.values()).map(ApiErrorCode::code)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inJava).as("codes in Java but not in the document").isSubsetOf(documented);
        assertThat(documented).as("codes in the document but not in Java").isSubsetOf(inJava);
    }

    @Test
    void statusWhenTheDocumentNamesOneForTheCodeThenTheSame() throws IOException {
        Map<String, Set<Integer>> documented = documentedStatuses();

        assertThat(documented).as("the document names statuses for most codes").hasSizeGreaterThan(20);
        for (ApiErrorCode code : ApiErrorCode.values()) {
            Set<Integer> statuses = documented.get(code.code());
            if (statuses != null) {
                assertThat(statuses).as(code.code()).containsExactly(code.status().value());
            }
        }
    }

    @Test
    void messageWhenJapaneseOrAnyOtherLocaleThenJapaneseOrEnglishTextForEveryCode() {
        for (ApiErrorCode code : ApiErrorCode.values()) {
            Object[] argument = code == ApiErrorCode.TRANSFER_NOT_CANCELLABLE ? new Object[] {"COMPLETED"}
                    : new Object[0];
            String japanese = code.message(Locale.JAPANESE, argument);
            String english = code.message(Locale.ENGLISH, argument);

            assertThat(japanese).as(code.code()).isNotBlank().doesNotContain("%s")
                    .matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
            assertThat(english).as(code.code()).isNotBlank().doesNotContain("%s").matches("\\p{ASCII}+");
            assertThat(code.message(Locale.FRENCH, argument)).isEqualTo(english);
        }
        assertThat(ApiErrorCode.TRANSFER_NOT_CANCELLABLE.message(Locale.JAPANESE, "COMPLETED"))
                .isEqualTo("この振込は取り消せません(状態: COMPLETED)。");
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentedCodes() throws IOException {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document().get("components"))
                .get("schemas");
        return (List<String>) ((Map<String, Object>) schemas.get("ErrorCode")).get("enum");
    }

    /**
     * Where the document ties a code to a status: in the description of a response (its own or the shared one it
     * refers to), or in text such as {@code 400 `INVALID_CHAINED_PARTY_ID`} or {@code `IDEMPOTENCY_KEY_REUSED` (422)}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<Integer>> documentedStatuses() throws IOException {
        Set<String> codes = Set.copyOf(documentedCodes());
        Map<String, Object> document = document();
        Map<String, Object> shared = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("responses");
        Map<String, Set<Integer>> statuses = new HashMap<>();
        for (Object path : ((Map<String, Object>) document.get("paths")).values()) {
            for (Object operation : ((Map<String, Object>) path).values()) {
                if (!(operation instanceof Map<?, ?> op) || !(op.get("responses") instanceof Map<?, ?> responses)) {
                    continue;
                }
                for (var response : responses.entrySet()) {
                    int status = Integer.parseInt(response.getKey().toString());
                    Map<String, Object> answer = (Map<String, Object>) response.getValue();
                    if (answer.get("$ref") instanceof String ref) {
                        answer = (Map<String, Object>) shared.get(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    Matcher code = CODE_IN_TICKS.matcher(String.valueOf(answer.get("description")));
                    while (code.find()) {
                        if (codes.contains(code.group(1))) {
                            statuses.computeIfAbsent(code.group(1), c -> new TreeSet<>()).add(status);
                        }
                    }
                }
            }
        }
        String text = text();
        for (Matcher before = STATUS_BEFORE.matcher(text); before.find();) {
            if (codes.contains(before.group(2))) {
                statuses.computeIfAbsent(before.group(2), c -> new TreeSet<>()).add(Integer.parseInt(before.group(1)));
            }
        }
        for (Matcher after = STATUS_AFTER.matcher(text); after.find();) {
            if (codes.contains(after.group(1))) {
                statuses.computeIfAbsent(after.group(1), c -> new TreeSet<>()).add(Integer.parseInt(after.group(2)));
            }
        }
        return statuses;
    }

    private static Map<String, Object> document() throws IOException {
        try (InputStream in = open()) {
            return new Yaml().load(in);
        }
    }

    private static String text() throws IOException {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open() {
        InputStream in = ApiErrorCodeTest.class.getClassLoader().getResourceAsStream(DOCUMENT);
        assertThat(in).as(DOCUMENT).isNotNull();
        return in;
    }
}
