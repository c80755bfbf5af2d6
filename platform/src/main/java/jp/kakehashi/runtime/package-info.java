/**
 * What the platform needs to run on a bank's machines but that is no banking concept: the embedded PostgreSQL of
 * the default run, the TLS certificate of a local run, and HTTP hygiene (B11). No other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runtime", allowedDependencies = "shared")
package jp.kakehashi.runtime;
