/**
 * What every module may use: the business clock (Japan time), secrets at rest (the master key, sealed secrets and
 * shared signing keys, C2), TOTP, the pages' Content-Security-Policy, the {@code /v1} API's error codes and their one
 * writer, OAuth's JSON error bodies, the order of the servlet filters around the API, the evidence tables and the TPP
 * API's paths. Depends on nothing.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Shared", allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kakehashi.shared;
