package jp.kakehashi.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Identifies a grant: the authorization a customer gave a TPP's client, whose tokens carry it as {@code grant_id}
 * (Grant Management for OAuth 2.0). A value, not a string, where modules meet (events, module APIs, {@link
 * ApiCaller}); written in
 * JSON and in the database as the bare string, so stored events and columns read as before.
 */
public record GrantId(String value) {

    /** Ids are opaque, bounded and printable: no blank, no control character, at most 255 characters. */
    public GrantId {
        Ids.check(value, "grant id");
    }

    /**
     * The id of a stored or received value; null for an absent one (null or blank, as events stored before ids were
     * values may have it), so optional ids stay optional.
     */
    @JsonCreator
    public static @Nullable GrantId of(@Nullable String value) {
        return value == null || value.isBlank() ? null : new GrantId(value);
    }

    /** The bare value, as stored and sent (JSON too). */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
