/**
 * The registry of API connecting parties (TPP, API接続先): who they are, what they are approved for, and their
 * OAuth clients (A1–A7, B5, D4, E3, F2). The full lifecycle (screening, monitoring, suspension) grows here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "TPP registry")
package jp.kakehashi.tpp;
