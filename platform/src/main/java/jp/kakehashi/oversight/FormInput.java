package jp.kakehashi.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What staff typed into one form, and what is wrong with it: each problem is a message key per field, so a refused
 * form is shown again with its messages and everything typed kept.
 */
final class FormInput implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> values;
    private final LinkedHashMap<String, String> problems = new LinkedHashMap<>();

    FormInput(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static FormInput empty() {
        return new FormInput(Map.of());
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> problems() {
        return problems;
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** The stripped text, or null (and a problem) when required and blank. */
    String text(String field, boolean required) {
        String value = values.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            if (required) {
                problems.put(field, "monitoring.form.required");
            }
            return null;
        }
        return value;
    }

    Optional<LocalDate> date(String field) {
        String value = text(field, true);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        }
        catch (DateTimeParseException e) {
            problems.put(field, "monitoring.form.date");
            return Optional.empty();
        }
    }

    /** A whole number within bounds (full-width digits and commas allowed, as typed in Japanese). */
    Optional<Long> number(String field, long min, long max) {
        String value = text(field, true);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC)
                    .replace(",", ""));
            if (number < min || number > max) {
                problems.put(field, "monitoring.form.range");
                return Optional.empty();
            }
            return Optional.of(number);
        }
        catch (NumberFormatException e) {
            problems.put(field, "monitoring.form.number");
            return Optional.empty();
        }
    }

    <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        String value = text(field, true);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        }
        catch (IllegalArgumentException e) {
            problems.put(field, "monitoring.form.choice");
            return Optional.empty();
        }
    }

    void problem(String field, String messageKey) {
        problems.put(field, messageKey);
    }
}
