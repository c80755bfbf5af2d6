package jp.kakehashi.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Finds the error code of an error answer: the {@code errorCode} of the API's JSON error body, or the {@code error}
 * of an OAuth JSON error body (the grant management endpoint's), else the OAuth {@code error} of a
 * {@code WWW-Authenticate} challenge (a 401 or 403 written by Spring Security without a body).
 * Only the start of the body is looked at; error bodies are small and success bodies are never parsed.
 */
final class ErrorCodes {

    private static final int LOOK_AT = 4096;
    private static final Pattern JSON_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");
    private static final Pattern OAUTH_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");
    private static final Pattern CHALLENGE_CODE = Pattern.compile("error=\"([A-Za-z0-9_.-]{1,64})\"");

    private ErrorCodes() {
    }

    static String of(ContentCachingResponseWrapper response, int status) {
        if (status < 400) {
            return null;
        }
        byte[] body = response.getContentAsByteArray();
        String start = new String(body, 0, Math.min(body.length, LOOK_AT), StandardCharsets.UTF_8);
        for (Pattern code : new Pattern[] {JSON_CODE, OAUTH_CODE}) {
            Matcher json = code.matcher(start);
            if (json.find()) {
                return json.group(1);
            }
        }
        String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null) {
            Matcher oauth = CHALLENGE_CODE.matcher(challenge);
            if (oauth.find()) {
                return oauth.group(1);
            }
        }
        return null;
    }
}
