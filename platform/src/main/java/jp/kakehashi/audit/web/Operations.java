package jp.kakehashi.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.kakehashi.shared.TppApiPaths;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Names the operation and the resource of a call for the log: the route pattern Spring MVC matched (so that all
 * balance reads are one operation) with the route's variables as the resource, or the bare path (never the query,
 * which could carry anything) where no route matched, e.g. when Spring Security refused the call before routing.
 */
final class Operations {

    static final int MAX_OPERATION = 512;
    static final int MAX_RESOURCE_ID = 256;

    private Operations() {
    }

    static String of(HttpServletRequest request) {
        String route = routeOf(request);
        return bounded(request.getMethod() + " " + (route != null ? route : request.getRequestURI()), MAX_OPERATION);
    }

    /** The matched API route; not a catch-all such as {@code /v1/**}, which says less than the path itself. */
    private static @Nullable String routeOf(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                && TppApiPaths.covers(pattern) && !pattern.contains("**") ? pattern : null;
    }

    /** The route's variables: the value of a single one (e.g. the account id), {@code name=value;…} of several. */
    static @Nullable String resourceId(HttpServletRequest request) {
        if (routeOf(request) == null
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || variables.isEmpty()) {
            return null;
        }
        String id = variables.size() == 1 ? String.valueOf(variables.values().iterator().next())
                : new TreeMap<>(variables).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";"));
        return bounded(id, MAX_RESOURCE_ID);
    }

    private static String bounded(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
