/**
 * The app's side of the bank connection: a FAPI 2.0 client on the Nimbus OAuth 2.0 SDK (discovery, PAR with PKCE,
 * private_key_jwt, DPoP with server nonces, ID token validation, refresh, revocation) and the bank's read API
 * (口座一覧・残高・入出金明細) called with DPoP-bound access tokens.
 */
package jp.demofintech.kakeibo.bank;
