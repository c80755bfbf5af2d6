/**
 * Service stops (E6, C5): planned stops of the bank's API, announced a notice period ahead, emergency stops with a
 * recorded reason, and the stops a TPP announces for its own service. While a stop of the bank is in effect every
 * {@code /v1} call of the stopped API class answers 503 with {@code Retry-After}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Service availability",
        allowedDependencies = { "shared" })
package jp.kakehashi.availability;
