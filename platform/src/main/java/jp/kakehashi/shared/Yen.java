package jp.kakehashi.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money in whole yen (円; the yen has no minor unit in use): transfer amounts, fees and limits (B10).
 * Never negative: a refund or a subtraction that would go below zero is a mistake to be caught, not a value. Written
 * in JSON as the bare number, so events stored with a {@code long} read as before.
 *
 * @param amount the number of yen
 */
public record Yen(long amount) implements Comparable<Yen> {

    public static final Yen ZERO = new Yen(0);

    public Yen {
        if (amount < 0) {
            throw new IllegalArgumentException("an amount of yen is never negative: " + amount);
        }
    }

    /** The bare number, as stored and sent (JSON too). */
    @JsonValue
    @Override
    public long amount() {
        return amount;
    }

    @JsonCreator
    public static Yen of(long amount) {
        return new Yen(amount);
    }

    /** This plus {@code other}; refuses an overflow rather than wrap around. */
    public Yen plus(Yen other) {
        return new Yen(Math.addExact(amount, other.amount));
    }

    /** This minus {@code other}, which must not be more than this. */
    public Yen minus(Yen other) {
        return new Yen(Math.subtractExact(amount, other.amount));
    }

    public boolean isMoreThan(Yen other) {
        return amount > other.amount;
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(amount, other.amount);
    }

    /** The digits of the amount, as the GMO-style API writes amounts (e.g. {@code 1000}). */
    @Override
    public String toString() {
        return Long.toString(amount);
    }
}
