/**
 * FAPI 2.0 Message Signing (B1, B7, B9), switched on per client: signed request objects at the PAR endpoint
 * (RFC 9101, Message Signing §5.3), JWT-secured authorization responses (JARM, Message Signing §5.4) and signed
 * introspection responses (RFC 9701, Message Signing §5.5). What each client registered is its
 * {@link jp.kakehashi.tpp.ClientMessageSigning}, carried in Spring's client settings by {@link ClientSigningSettings};
 * the bank signs with the same keys it publishes at its JWKS endpoint ({@link ServerJwtSigner}).
 */
package jp.kakehashi.authorization.signing;
