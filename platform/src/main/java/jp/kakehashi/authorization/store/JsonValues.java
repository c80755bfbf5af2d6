package jp.kakehashi.authorization.store;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the values Spring keeps in an authorization (claims with instants and dates, string arrays) into JSON and back
 * without losing their Java types, which Spring's providers rely on. Only plain values are allowed: no class
 * names are ever read from the database.
 */
final class JsonValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSTANT = "$instant";
    private static final String STRINGS = "$strings";
    private static final String DATE = "$date";

    private JsonValues() {
    }

    static String write(Map<String, ?> values) {
        return JSON.writeValueAsString(encode(values));
    }

    static Map<String, Object> read(String json) {
        Map<String, Object> raw = JSON.readValue(json, new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) decode(raw);
        return decoded;
    }

    static Object encode(Object value) {
        if (value instanceof Instant instant) {
            return Map.of(INSTANT, instant.toEpochMilli());
        }
        if (value instanceof java.util.Date date) {
            return Map.of(DATE, date.getTime());
        }
        if (value instanceof String[] strings) {
            return Map.of(STRINGS, List.of(strings));
        }
        if (value instanceof URL url) {
            return url.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> encoded = new LinkedHashMap<>();
            map.forEach((k, v) -> encoded.put(String.valueOf(k), encode(v)));
            return encoded;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> encoded = new ArrayList<>();
            collection.forEach(v -> encoded.add(encode(v)));
            return encoded;
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("cannot store a value of type " + value.getClass().getName());
    }

    static Object decode(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey(INSTANT)) {
                return Instant.ofEpochMilli(((Number) map.get(INSTANT)).longValue());
            }
            if (map.size() == 1 && map.containsKey(DATE)) {
                return new java.util.Date(((Number) map.get(DATE)).longValue());
            }
            if (map.size() == 1 && map.containsKey(STRINGS)) {
                return ((List<?>) map.get(STRINGS)).stream().map(String::valueOf).toArray(String[]::new);
            }
            Map<String, Object> decoded = new LinkedHashMap<>();
            map.forEach((k, v) -> decoded.put(String.valueOf(k), decode(v)));
            return decoded;
        }
        if (value instanceof List<?> list) {
            List<Object> decoded = new ArrayList<>();
            list.forEach(v -> decoded.add(decode(v)));
            return decoded;
        }
        return value;
    }
}
