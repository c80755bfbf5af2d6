package jp.kakehashi.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * Identifies a TPP (API接続先) in the registry, e.g. {@code tpp-…}; the value stored in {@code tpp_id} columns. A value,
 * not a string, where modules meet (events, module APIs, {@link ApiCaller}); written in
 * JSON and in the database as the bare string, so stored events and columns read as before.
 */
public record TppId(String value) implements TypedId {

    /** Ids are opaque, bounded and printable: no blank, no control character, at most 255 characters. */
    public TppId {
        Ids.check(value, "TPP id");
    }

    /**
     * The id of a stored or received value; null for an absent one (null or blank, as events stored before ids were
     * values may have it), so optional ids stay optional.
     */
    @JsonCreator
    public static @Nullable TppId of(@Nullable String value) {
        return Ids.of(value, TppId::new);
    }

    /** The bare value, as in logs and messages. */
    @Override
    public String toString() {
        return value;
    }
}
