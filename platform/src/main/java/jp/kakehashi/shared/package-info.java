/**
 * What every module may use: the business clock (Japan time), secrets at rest (the master key, sealed secrets and
 * shared signing keys, C2), TOTP, the pages' Content-Security-Policy, the JSON error bodies written outside Spring MVC,
 * the evidence tables and the TPP API's paths. Depends on nothing.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Shared", allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kakehashi.shared;
