package jp.kakehashi.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * The one writer of the {@code /v1} API's error answers, for every filter, entry point and controller: the body
 * {@code {"errorCode","errorMessage","errorDetails"?}} (OpenAPI {@code Error}), its message in Japanese when the
 * request's {@code Accept-Language} prefers Japanese to English and in English otherwise (also when the header is
 * absent or malformed), and the code left in the request attribute {@link ApiErrorCode#REQUEST_ATTRIBUTE} for the
 * execution log (C1).
 */
public final class ApiErrorResponses {

    private static final List<String> LANGUAGES = List.of("ja", "en");

    private ApiErrorResponses() {
    }

    /**
     * Writes {@code error} with its status as UTF-8 JSON that no cache keeps, unless the answer is already on its way;
     * headers set before (a challenge, {@code Retry-After}, the interaction id) stay.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ApiError error)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Locale locale = localeOf(request);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        ErrorResponses.write(response, error.status(), json(request, error, locale));
    }

    /** The body of {@code error} in the caller's language, for a writer that sends it itself; notes the code. */
    public static String json(HttpServletRequest request, ApiError error) {
        return json(request, error, localeOf(request));
    }

    private static String json(HttpServletRequest request, ApiError error, Locale locale) {
        request.setAttribute(ApiErrorCode.REQUEST_ATTRIBUTE, error.code().code());
        StringBuilder json = new StringBuilder("{\"errorCode\":").append(ErrorResponses.quoted(error.code().code()))
                .append(",\"errorMessage\":").append(ErrorResponses.quoted(error.message(locale)));
        if (!error.details().isEmpty()) {
            json.append(",\"errorDetails\":[");
            for (int i = 0; i < error.details().size(); i++) {
                ApiError.Detail detail = error.details().get(i);
                json.append(i == 0 ? "{" : ",{").append("\"errorDetailsCode\":")
                        .append(ErrorResponses.quoted(detail.errorDetailsCode())).append(",\"errorDetailsMessage\":")
                        .append(ErrorResponses.quoted(detail.errorDetailsMessage()));
                if (detail.itemId() != null) {
                    json.append(",\"itemId\":").append(ErrorResponses.quoted(detail.itemId()));
                }
                if (detail.field() != null) {
                    json.append(",\"field\":").append(ErrorResponses.quoted(detail.field()));
                }
                json.append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** Japanese when {@code Accept-Language} ranks it above English (RFC 9110 §12.5.4), else English. */
    static Locale localeOf(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted == null || accepted.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(accepted), LANGUAGES);
            return "ja".equals(tag) ? Locale.JAPANESE : Locale.ENGLISH;
        }
        catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
