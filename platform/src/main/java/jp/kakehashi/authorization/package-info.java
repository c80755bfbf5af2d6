/**
 * The FAPI 2.0 authorization server, built on Spring Security's authorization server and extended where FAPI 2.0
 * and the JBA principles ask for more (B1–B9, B11, D1–D5): PAR required, PKCE S256, private_key_jwt with issuer
 * audience and jti replay protection, DPoP-bound tokens with {@code dpop_jkt}, RFC 9207 {@code iss}, 60-second
 * single-use codes, a grant-centric token store that keeps only hashes, per-scope authentication and lifetime
 * policy, customer sign-in with lockout and step-up, and the consent screen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authorization server", allowedDependencies = { "tpp", "consent", "shared" })
package jp.kakehashi.authorization;
