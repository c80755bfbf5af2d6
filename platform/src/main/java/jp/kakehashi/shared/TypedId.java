package jp.kakehashi.shared;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What every typed id of the platform ({@link TppId}, {@link ClientId}, {@link GrantId}, {@link CustomerId}) is: a
 * value around one opaque string, written in JSON and in the database as that bare string, so stored events and
 * columns read as before.
 */
public interface TypedId {

    /** The bare value, as stored and sent (JSON too). */
    @JsonValue
    String value();
}
