/**
 * The registry of API connecting parties (TPP, API接続先): who they are, what they are approved for, and their
 * OAuth clients (A1–A7, B5, D4, E3, F2), and its lifecycle: application, screening, activation, restriction,
 * suspension, resumption, revocation ({@link jp.kakehashi.tpp.TppLifecycle}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "TPP registry", allowedDependencies = "shared")
package jp.kakehashi.tpp;
