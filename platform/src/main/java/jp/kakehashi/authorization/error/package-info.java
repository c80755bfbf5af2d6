/**
 * The authorization module's own OAuth error vocabulary, for the codes Spring Security's {@code OAuth2ErrorCodes}
 * does not name.
 */
package jp.kakehashi.authorization.error;
